'use client'
import { Button, toast, useAuth, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useState } from 'react'

import { adminApiUrl } from '../../../components/adminApiUrl'
import { say } from '../../../i18n/say'

/**
 * "Refund" on a paid payment's edit view, shown to admins. It asks Stripe for the refund through
 * `POST /api/payments/:id/refund`; Stripe's `charge.refunded` webhook then marks the payment and the
 * enrollment refunded and frees the seat.
 */
export function RefundButton() {
  const { user } = useAuth<{ roles?: string[] }>()
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const language = useTranslation().i18n.language
  const [busy, setBusy] = useState(false)
  if (!id || !user?.roles?.includes('admin')) return null

  const refund = async () => {
    if (!window.confirm(say(language, { es: '¿Reembolsar este pago en Stripe?', en: 'Refund this payment in Stripe?' }))) return
    setBusy(true)
    try {
      const response = await fetch(adminApiUrl(config, `/payments/${id}/refund`), { method: 'POST', credentials: 'include' })
      const body = await response.json().catch(() => ({}))
      if (response.ok) toast.success(body.message ?? say(language, { es: 'Reembolso solicitado.', en: 'Refund requested.' }))
      else toast.error(body.errors?.[0]?.message ?? body.message ?? say(language, { es: `El reembolso falló (${response.status}).`, en: `Refund failed (${response.status}).` }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Button buttonStyle="secondary" disabled={busy} onClick={refund}>
      {busy ? say(language, { es: 'Reembolsando…', en: 'Refunding…' }) : say(language, { es: 'Reembolsar', en: 'Refund' })}
    </Button>
  )
}
