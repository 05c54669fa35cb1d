'use client'
import { useAuth, useConfig, useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import type React from 'react'

import { say } from '../../i18n/say'
import { adminApiUrl } from '../adminApiUrl'

/**
 * "Exportar datos personales" on a user's or lead's page, for admins: downloads the zip of
 * everything Aula holds about the person (`GET /api/privacy/export`, src/privacy/export). A user is
 * named by id; a lead by its address (a lead with an account gets that account's data too).
 * The browser's own download: the session cookie goes with it, and the server checks the role again.
 */
export const ExportPersonalDataButton: React.FC = () => {
  const { id, collectionSlug } = useDocumentInfo()
  const { user } = useAuth()
  const { config } = useConfig()
  const language = useTranslation().i18n.language
  const email = useFormFields(([fields]) => fields.email?.initialValue)
  const isAdmin = Boolean((user as { roles?: string[] } | null)?.roles?.includes('admin'))
  if (!id || !isAdmin) return null
  const query = collectionSlug === 'users' ? `user=${encodeURIComponent(String(id))}` : email ? `email=${encodeURIComponent(String(email))}` : ''
  if (!query) return null
  return (
    <div className="export-personal-data" style={{ marginBottom: 24 }}>
      <a className="btn btn--style-secondary btn--size-medium" href={adminApiUrl(config, `/privacy/export?${query}`)} download data-export-personal-data>
        {say(language, { es: 'Exportar datos personales', en: 'Export personal data' })}
      </a>
      <p style={{ marginTop: 8, fontSize: 12, opacity: 0.8 }}>
        {say(language, {
          es: 'Un .zip con todo lo que Aula guarda de esta persona (datos, inscripciones, pagos, correos, certificados y recibos en PDF). Queda en el registro de auditoría.',
          en: 'A .zip of everything Aula holds about this person (data, enrollments, payments, emails, certificate and receipt PDFs). It is recorded in the audit log.',
        })}
      </p>
    </div>
  )
}
