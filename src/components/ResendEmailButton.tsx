'use client'
import { Button, toast, useConfig, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useRouter } from 'next/navigation.js'
import type React from 'react'
import { useState } from 'react'

/** On a failed email's page: queues it again (admins only; the endpoint checks). */
export const ResendEmailButton: React.FC = () => {
  const { id } = useDocumentInfo()
  const status = useFormFields(([fields]) => fields.status?.value)
  const { config } = useConfig()
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  if (!id || status !== 'failed') return null

  const resend = async () => {
    setBusy(true)
    try {
      const response = await fetch(`${config.serverURL}${config.routes.api}/email-log/${id}/resend`, {
        method: 'POST',
        credentials: 'include',
      })
      const body = await response.json().catch(() => ({}))
      if (response.ok) {
        toast.success(body.message ?? 'Queued')
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
        Reenviar / Resend
      </Button>
    </div>
  )
}
