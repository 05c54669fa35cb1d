'use client'
import { Button, toast, useAuth, useConfig, useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation.js'
import { type FormEvent, useState } from 'react'

import { adminApiUrl } from '../../../components/adminApiUrl'
import { say } from '../../../i18n/say'

/**
 * "Reembolsar" on a paid payment's sidebar, for admins: an amount (empty = everything not yet given back,
 * e.g. one attendee's seat of a group) and a reason. It asks Stripe through `POST /api/payments/:id/refund`;
 * Stripe's `charge.refunded` webhook then records the amount, and once all is back marks the payment and
 * its seats refunded.
 */
export function RefundButton() {
  const { user } = useAuth<{ roles?: string[] }>()
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const router = useRouter()
  const language = useTranslation().i18n.language
  const amount = useFormFields(([fields]) => Number(fields.amount?.value ?? 0))
  const refunded = useFormFields(([fields]) => Number(fields.amountRefunded?.value ?? 0))
  const currency = useFormFields(([fields]) => String(fields.currency?.value ?? ''))
  const [busy, setBusy] = useState(false)
  if (!id || !user?.roles?.includes('admin')) return null
  const t = (es: string, en: string) => say(language, { es, en })

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const typed = String(form.get('amount') ?? '').trim().replace(',', '.')
    const reason = String(form.get('reason') ?? '').trim()
    const what = typed ? `${typed} ${currency}` : t('todo lo que queda', 'everything left')
    if (!window.confirm(t(`¿Reembolsar ${what} en Stripe?`, `Refund ${what} in Stripe?`))) return
    setBusy(true)
    try {
      const response = await fetch(adminApiUrl(config, `/payments/${id}/refund`), {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...(typed ? { amount: typed } : {}), ...(reason ? { reason } : {}) }),
      })
      const body = await response.json().catch(() => ({}))
      if (response.ok) {
        toast.success(body.message ?? t('Reembolso solicitado.', 'Refund requested.'))
        router.refresh()
      } else {
        const problem = body.errors?.[0]?.data?.errors?.[0]?.message ?? body.errors?.[0]?.message
        toast.error(problem ?? t(`El reembolso falló (${response.status}).`, `Refund failed (${response.status}).`))
      }
    } finally {
      setBusy(false)
    }
  }

  const label = { display: 'block', marginTop: 8, fontSize: 13 } as const
  const input = { width: '100%', padding: 6 } as const
  return (
    <form onSubmit={submit} aria-label={t('Reembolsar', 'Refund')} style={{ marginBottom: 24 }}>
      <h4 style={{ margin: '0 0 4px' }}>{t('Reembolsar', 'Refund')}</h4>
      <p style={{ fontSize: 12, margin: 0 }}>
        {t(`Reembolsado hasta ahora: ${refunded} de ${amount} ${currency}.`, `Refunded so far: ${refunded} of ${amount} ${currency}.`)}
      </p>
      <label style={label}>
        {t(`Importe (${currency}; vacío = todo lo que queda)`, `Amount (${currency}; empty = everything left)`)}
        <input name="amount" inputMode="decimal" style={input} />
      </label>
      <label style={label}>
        {t('Motivo', 'Reason')}
        <input name="reason" maxLength={500} style={input} />
      </label>
      <Button buttonStyle="secondary" disabled={busy} type="submit">
        {busy ? t('Reembolsando…', 'Refunding…') : t('Reembolsar', 'Refund')}
      </Button>
    </form>
  )
}
