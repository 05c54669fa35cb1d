'use client'
import { Button, toast, useAuth, useConfig, useDocumentInfo, useFormModified, useTranslation } from '@payloadcms/ui'
import type React from 'react'
import { useState } from 'react'

import { say } from '../../i18n/say'
import { adminApiUrl } from '../adminApiUrl'

/**
 * "Send me a test": the saved template, with sample data, to the staff member's own address through
 * the queue (POST /api/email-templates/:id/send-test). Unsaved changes are not what the worker
 * would send, so the button waits for a save.
 */
export const SendTestButton: React.FC = () => {
  const { id } = useDocumentInfo()
  const { user } = useAuth()
  const { config } = useConfig()
  const modified = useFormModified()
  const language = useTranslation().i18n.language
  const [busy, setBusy] = useState(false)
  if (!id) return null

  const send = async () => {
    setBusy(true)
    try {
      const response = await fetch(adminApiUrl(config, `/email-templates/${id}/send-test`), { method: 'POST', credentials: 'include' })
      const body = await response.json().catch(() => ({}))
      if (response.ok) toast.success(body.message ?? say(language, { es: 'Prueba en camino', en: 'Test on its way' }))
      else toast.error(body.errors?.[0]?.message ?? `Error ${response.status}`)
    } finally {
      setBusy(false)
    }
  }
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
      {modified ? (
        <span style={{ fontSize: 12 }}>{say(language, { es: 'Guarda los cambios para enviar la prueba', en: 'Save your changes to send a test' })}</span>
      ) : null}
      <Button buttonStyle="secondary" size="small" disabled={busy || modified} onClick={send} margin={false}>
        {say(language, {
          es: `Enviarme una prueba${user?.email ? ` (${user.email})` : ''}`,
          en: `Send me a test${user?.email ? ` (${user.email})` : ''}`,
        })}
      </Button>
    </div>
  )
}
