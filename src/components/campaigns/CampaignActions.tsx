'use client'
import { Button, toast, useAuth, useConfig, useDocumentInfo, useFormFields, useFormModified, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation.js'
import type React from 'react'
import { useState } from 'react'

import { say } from '../../i18n/say'
import { adminApiUrl } from '../adminApiUrl'

type Action = 'test-send' | 'schedule' | 'cancel'

/** A 400 names each field at fault: show them all, not just "invalid". */
const errorText = (body: { errors?: { message?: string; data?: { errors?: { message?: string }[] } }[] }, status: number) => {
  const first = body.errors?.[0]
  const details = first?.data?.errors?.map((error) => error.message).filter(Boolean)
  return details?.length ? details.join(' ') : (first?.message ?? `Error ${status}`)
}

/**
 * The campaign's actions, in the sidebar: "Enviar prueba" (to the logged-in staff member), "Programar
 * envío" (a draft) and "Cancelar envío" (scheduled or sending). Each acts on the saved campaign, so
 * the buttons wait for a save; the status changes only here (and in the sender), never by editing.
 */
export const CampaignActions: React.FC = () => {
  const { id } = useDocumentInfo()
  const { user } = useAuth()
  const { config } = useConfig()
  const router = useRouter()
  const modified = useFormModified()
  const status = useFormFields(([fields]) => fields.status?.value) as string | undefined
  const language = useTranslation().i18n.language
  const [busy, setBusy] = useState<Action | null>(null)
  if (!id) {
    return <p style={{ fontSize: 13 }}>{say(language, { es: 'Guarda la campaña para enviarte una prueba o programarla.', en: 'Save the campaign to send yourself a test or schedule it.' })}</p>
  }

  const run = async (action: Action) => {
    if (action === 'schedule' && !window.confirm(say(language, { es: '¿Programar el envío de esta campaña?', en: 'Schedule this campaign?' }))) return
    if (action === 'cancel' && !window.confirm(say(language, { es: '¿Cancelar el envío? Lo ya enviado no se puede deshacer.', en: 'Cancel sending? What was sent cannot be undone.' }))) return
    setBusy(action)
    try {
      const response = await fetch(adminApiUrl(config, `/campaigns/${id}/${action}`), { method: 'POST', credentials: 'include' })
      const body = await response.json().catch(() => ({}))
      if (response.ok) {
        toast.success(body.message ?? say(language, { es: 'Hecho', en: 'Done' }))
        if (action !== 'test-send') router.refresh()
      } else {
        toast.error(errorText(body, response.status))
      }
    } finally {
      setBusy(null)
    }
  }

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8, marginBottom: 24 }}>
      {modified ? (
        <span style={{ fontSize: 12 }}>{say(language, { es: 'Guarda los cambios antes de usar estas acciones.', en: 'Save your changes before using these actions.' })}</span>
      ) : null}
      <Button buttonStyle="secondary" size="small" margin={false} disabled={Boolean(busy) || modified} onClick={() => run('test-send')}>
        {say(language, { es: `Enviar prueba${user?.email ? ` a ${user.email}` : ''}`, en: `Send test${user?.email ? ` to ${user.email}` : ''}` })}
      </Button>
      {status === 'draft' ? (
        <Button buttonStyle="primary" size="small" margin={false} disabled={Boolean(busy) || modified} onClick={() => run('schedule')}>
          {say(language, { es: 'Programar envío', en: 'Schedule sending' })}
        </Button>
      ) : null}
      {status === 'scheduled' || status === 'sending' ? (
        <Button buttonStyle="error" size="small" margin={false} disabled={Boolean(busy)} onClick={() => run('cancel')}>
          {say(language, { es: 'Cancelar envío', en: 'Cancel sending' })}
        </Button>
      ) : null}
    </div>
  )
}
