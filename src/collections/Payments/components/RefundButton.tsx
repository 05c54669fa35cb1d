'use client'
import { Button, toast, useAuth, useDocumentInfo } from '@payloadcms/ui'
import { useState } from 'react'

/**
 * "Refund" on a paid payment's edit view, shown to admins. It asks Stripe for the refund through
 * `POST /api/payments/:id/refund`; Stripe's `charge.refunded` webhook then marks the payment and the
 * enrollment refunded and frees the seat.
 */
export function RefundButton() {
  const { user } = useAuth<{ roles?: string[] }>()
  const { id } = useDocumentInfo()
  const [busy, setBusy] = useState(false)
  if (!id || !user?.roles?.includes('admin')) return null

  const refund = async () => {
    if (!window.confirm('¿Reembolsar este pago en Stripe? / Refund this payment in Stripe?')) return
    setBusy(true)
    try {
      const response = await fetch(`/api/payments/${id}/refund`, { method: 'POST', credentials: 'include' })
      const body = await response.json().catch(() => ({}))
      if (response.ok) toast.success(body.message ?? 'Refund requested.')
      else toast.error(body.errors?.[0]?.message ?? body.message ?? `Refund failed (${response.status}).`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Button buttonStyle="secondary" disabled={busy} onClick={refund}>
      {busy ? 'Reembolsando… / Refunding…' : 'Reembolsar / Refund'}
    </Button>
  )
}
