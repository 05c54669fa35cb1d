'use client'
import { Button, toast, useConfig, useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation.js'
import type React from 'react'
import { useState } from 'react'

import { say } from '../i18n/say'
import { adminApiUrl } from './adminApiUrl'

/** On a failed email's page: queues it again (admins only; the endpoint checks). */
export const ResendEmailButton: React.FC = () => {
  const { id } = useDocumentInfo()
  const status = useFormFields(([fields]) => fields.status?.value)
  const { config } = useConfig()
  const router = useRouter()
  const language = useTranslation().i18n.language
  const [busy, setBusy] = useState(false)
  if (!id || status !== 'failed') return null

  const resend = async () => {
    setBusy(true)
    try {
      const response = await fetch(adminApiUrl(config, `/email-log/${id}/resend`), {
        method: 'POST',
        credentials: 'include',
      })
      const body = await response.json().catch(() => ({}))
      if (response.ok) {
        toast.success(body.message ?? say(language, { es: 'En cola', en: 'Queued' }))
        router.refresh()
      } else {
        toast.error(body.errors?.[0]?.message ?? `Error ${response.status}`)
      }
    } finally {
      setBusy(false)
    }
  }
  return (
    <div style={{ marginBottom: 24 }}>
      <Button buttonStyle="secondary" disabled={busy} onClick={resend}>
        {say(language, { es: 'Reenviar', en: 'Resend' })}
      </Button>
    </div>
  )
}
