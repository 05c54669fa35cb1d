'use client'
import { useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { say } from '../../i18n/say'
import { adminApiUrl } from '../adminApiUrl'

type Row = { id: number; number: string; kind: 'receipt' | 'credit_note'; total: number; currency: string; issuedOn?: string }

/**
 * The payment's receipts and credit notes in its sidebar ("Comprobantes"), each with its PDF. They are
 * issued by the server when the payment succeeds or is refunded (src/commerce/receipts), never here.
 */
export function PaymentReceipts() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const language = useTranslation().i18n.language
  const [rows, setRows] = useState<Row[] | null>(null)

  useEffect(() => {
    if (!id) return
    const query = `/receipts?where[payment][equals]=${id}&sort=issuedAt&depth=0&limit=100`
    fetch(adminApiUrl(config, query), { credentials: 'include' })
      .then((response) => (response.ok ? response.json() : { docs: [] }))
      .then((body) => setRows(body.docs ?? []))
      .catch(() => setRows([]))
  }, [id, config])

  if (!id) return null
  return (
    <div className="field-type" style={{ marginBottom: '1.5rem' }}>
      <label className="field-label">{say(language, { es: 'Comprobantes', en: 'Receipts' })}</label>
      {rows === null ? null : rows.length === 0 ? (
        <p>{say(language, { es: 'Aún no hay comprobantes: se emiten cuando el pago se confirma.', en: 'No receipts yet: one is issued when the payment succeeds.' })}</p>
      ) : (
        <ul style={{ paddingLeft: '1rem' }}>
          {rows.map((row) => (
            <li key={row.id}>
              <a href={`${config.routes.admin}/collections/receipts/${row.id}`}>
                {row.kind === 'credit_note' ? say(language, { es: 'Nota de crédito', en: 'Credit note' }) : say(language, { es: 'Comprobante', en: 'Receipt' })} {row.number}
              </a>{' '}
              ({row.total} {row.currency}) · <a href={adminApiUrl(config, `/receipts/${row.id}/pdf`)}>PDF</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
