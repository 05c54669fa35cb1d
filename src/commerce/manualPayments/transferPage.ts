import type { PayloadRequest } from 'payload'

import type { Payment } from '../../payload-types'
import { formatAmount } from '../../payments/money'
import { getBillingSettings } from '../../settings/billingSettings'
import { formatWithZone } from '../../utilities/localTime'
import { escapeHtml } from '../../utilities/escapeHtml'
import { bankDetailsHtml } from './emails'
import { transferItemOf } from './transferItem'

/**
 * The pay link of a seat held for a bank transfer shows how to pay (there is no card checkout to send
 * the person to): amount, reference to quote, deadline in the item's zone, and the bank details.
 */
export async function transferInstructionsHtml(req: PayloadRequest, payment: Payment, language: 'es' | 'en'): Promise<string> {
  const { bankTransferDetails } = await getBillingSettings(req.payload, req)
  const item = await transferItemOf(req, payment)
  const amount = `${formatAmount(Number(payment.amount), String(payment.currency))} ${escapeHtml(String(payment.currency))}`
  const reference = payment.reference ? escapeHtml(payment.reference) : null
  const deadline = escapeHtml(formatWithZone(payment.holdExpiresAt, item.timezone, language))
  const bank = bankDetailsHtml(bankTransferDetails || '—')
  return language === 'en'
    ? `<p>Your seat is held until <strong>${deadline}</strong>, waiting for your bank transfer of <strong>${amount}</strong>.</p>${reference ? `<p>Quote this reference: <strong>${reference}</strong></p>` : ''}<p>${bank}</p>`
    : `<p>Tu lugar está reservado hasta el <strong>${deadline}</strong>, a la espera de tu transferencia de <strong>${amount}</strong>.</p>${reference ? `<p>Indica esta referencia: <strong>${reference}</strong></p>` : ''}<p>${bank}</p>`
}
