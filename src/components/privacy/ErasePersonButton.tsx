'use client'
import { useAuth, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import type React from 'react'

import { ConfirmedPost } from './ConfirmedPost'

/**
 * "Borrar datos personales" on a user's or lead's page, for admins: after a confirmation that says
 * what happens, `POST /api/privacy/erase` (src/privacy/erasure) and the page reloads showing the
 * pseudonym. Not shown on one's own account, nor on a person already erased.
 */
export const ErasePersonButton: React.FC = () => {
  const { id, collectionSlug } = useDocumentInfo()
  const { user } = useAuth()
  const email = useFormFields(([fields]) => fields.email?.initialValue)
  const erasedAt = useFormFields(([fields]) => fields.erasedAt?.initialValue)
  const isAdmin = Boolean((user as { roles?: string[] } | null)?.roles?.includes('admin'))
  const isSelf = collectionSlug === 'users' && String(user?.id) === String(id)
  if (!id || !isAdmin || isSelf || erasedAt || String(email ?? '').endsWith('@erased.invalid')) return null
  const subject = collectionSlug === 'users' ? { user: Number(id) } : { email: String(email ?? '') }

  return (
    <div className="erase-person" style={{ marginBottom: 24 }}>
      <ConfirmedPost
        label={{ es: 'Borrar datos personales', en: 'Erase personal data' }}
        buttonAttribute="erase-person"
        question={{ es: '¿Borrar los datos personales de esta persona?', en: 'Erase this person’s personal data?' }}
        explanation={{
          es: 'Su nombre, correo, teléfono, notas, comentarios y correos enviados se borran o se sustituyen por un seudónimo en todo Aula. Los pagos y recibos se conservan con el seudónimo; sus certificados se revocan. No se puede deshacer.',
          en: 'Their name, email, phone, notes, comments and emails sent are removed or replaced by a pseudonym everywhere in Aula. Payments and receipts are kept under the pseudonym; their certificates are revoked. This cannot be undone.',
        }}
        confirmAttribute="erase-person-confirm"
        path="/privacy/erase"
        body={subject}
      />
    </div>
  )
}
