'use client'
import { Button, toast, useAuth, useConfig, useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation.js'
import { useRef, useState } from 'react'

import { adminApiUrl } from '../../../components/adminApiUrl'
import { say } from '../../../i18n/say'
import { DEFAULT_BUSINESS_SETTINGS } from '../../../settings/businessSettings'

const METHODS = [
  { value: 'bank_transfer', es: 'Transferencia bancaria', en: 'Bank transfer' },
  { value: 'deposit', es: 'Depósito en cuenta', en: 'Bank deposit' },
  { value: 'cash', es: 'Efectivo', en: 'Cash' },
] as const

// Today where the business is, not on the staff member's laptop: a UTC laptop after 19:00 in Lima
// proposed tomorrow, which the server refuses as a future date. (The business zone's default; a
// business elsewhere still types the date.)
const today = () => new Date().toLocaleDateString('en-CA', { timeZone: DEFAULT_BUSINESS_SETTINGS.timezone })

/**
 * "Registrar pago manual" in a pending payment's sidebar (admins and sales): staff type what the bank
 * statement or the receipt book says. `POST /api/payments/:id/record-manual` keeps the entry and, once the
 * entries cover the amount, confirms the seats exactly as a card payment would (src/commerce/manualPayments).
 */
export function RecordManualPayment() {
  const { user } = useAuth<{ roles?: string[] }>()
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const router = useRouter()
  const language = useTranslation().i18n.language
  const amountDue = useFormFields(([fields]) => fields.amount?.value as number | undefined)
  const currency = useFormFields(([fields]) => fields.currency?.value as string | undefined)
  const [busy, setBusy] = useState(false)
  // Not a <form>: this sits inside Payload's document form, and a nested form would submit that one instead.
  const box = useRef<HTMLDivElement>(null)
  if (!id || !user?.roles?.some((role) => role === 'admin' || role === 'sales')) return null
  const t = (es: string, en: string) => say(language, { es, en })

  const submit = async () => {
    const value = (name: string) => (box.current?.querySelector(`[name="manual-${name}"]`) as HTMLInputElement | HTMLSelectElement | null)?.value ?? ''
    const body = {
      method: value('method'),
      reference: value('reference'),
      receivedOn: value('receivedOn'),
      amount: value('amount'),
      note: value('note'),
    }
    setBusy(true)
    try {
      const response = await fetch(adminApiUrl(config, `/payments/${id}/record-manual`), {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      const answer = await response.json().catch(() => ({}))
      if (response.ok) {
        toast.success(answer.message ?? t('Pago registrado.', 'Payment recorded.'))
        router.refresh()
      } else {
        toast.error(answer.errors?.[0]?.message ?? t(`No se pudo registrar (${response.status}).`, `Could not record it (${response.status}).`))
      }
    } finally {
      setBusy(false)
    }
  }

  const label = { display: 'block', marginTop: 8, fontSize: 13 } as const
  const input = { width: '100%', padding: 6 } as const
  return (
    <div
      ref={box}
      role="group"
      aria-label={t('Registrar pago manual', 'Record a manual payment')}
      style={{ marginBottom: 24 }}
      onKeyDown={(event) => {
        // Enter records the payment here instead of saving Payload's document form around it.
        if (event.key !== 'Enter' || (event.target as HTMLElement).tagName === 'BUTTON') return
        event.preventDefault()
        void submit()
      }}
    >
      <h4 style={{ margin: '0 0 4px' }}>{t('Registrar pago manual', 'Record a manual payment')}</h4>
      <p style={{ fontSize: 12, margin: 0 }}>
        {t(
          'Cuando lo recibido cubra el importe, los cupos se confirman y se emite el comprobante.',
          'Once what was received covers the amount, the seats are confirmed and the receipt is issued.',
        )}
      </p>
      <label style={label}>
        {t('Medio', 'Method')}
        <select name="manual-method" defaultValue="bank_transfer" style={input}>
          {METHODS.map((method) => (
            <option key={method.value} value={method.value}>
              {say(language, method)}
            </option>
          ))}
        </select>
      </label>
      <label style={label}>
        {t('N.º de operación', 'Operation number')}
        <input name="manual-reference" maxLength={100} style={input} />
      </label>
      <label style={label}>
        {t('Fecha de recepción', 'Date received')}
        <input name="manual-receivedOn" type="date" required defaultValue={today()} style={input} />
      </label>
      <label style={label}>
        {t(`Importe (${currency ?? ''})`, `Amount (${currency ?? ''})`)}
        <input name="manual-amount" type="number" step="0.01" min="0.01" required defaultValue={amountDue ?? ''} style={input} />
      </label>
      <label style={label}>
        {t('Nota', 'Note')}
        <input name="manual-note" maxLength={500} style={input} />
      </label>
      <div style={{ marginTop: 12 }}>
        <Button type="button" buttonStyle="primary" disabled={busy} onClick={submit}>
          {busy ? t('Registrando…', 'Recording…') : t('Registrar pago', 'Record payment')}
        </Button>
      </div>
    </div>
  )
}
