import type { PayloadRequest } from 'payload'

import type { Payment } from '../../payload-types'
import { formatAmount } from '../../payments/money'
import { notify } from '../notify'
import { adminDocumentPath } from './links'

const money = (amount: number, currency: string) => `${formatAmount(amount, currency)} ${currency.toUpperCase()}`
const clip = (text: string, length = 300) => (text.length > length ? `${text.slice(0, length - 1)}…` : text)

/**
 * A declined card (Stripe's `payment_intent.payment_failed`) while the seat is still held, once per Stripe event:
 * staff can call the buyer before the hold runs out (after it ended, the failure is only recorded).
 */
export async function notifyPaymentFailed(req: PayloadRequest, payment: Payment, eventId: string, message: string): Promise<void> {
  await notify(req, {
    kind: 'payment_failed',
    to: 'byRole',
    title: { es: `Pago fallido #${payment.id}`, en: `Payment #${payment.id} failed` },
    body: {
      es: `El pago de ${money(Number(payment.amount), String(payment.currency))} fue rechazado: ${clip(message)}`,
      en: `The payment of ${money(Number(payment.amount), String(payment.currency))} was declined: ${clip(message)}`,
    },
    link: adminDocumentPath('payments', payment.id),
    document: { collection: 'payments', id: payment.id },
    dedupeKey: `payment_failed:${payment.id}:${eventId}`,
  })
}

/**
 * A new refund request (numbered per payment: a resent one is the same request and says nothing new).
 * The reason is free text staff typed, possibly about the person: it stays on the payment.
 */
export async function notifyRefundRequested(
  req: PayloadRequest,
  payment: { id: number; currency: string },
  request: { number: number; amount: number },
): Promise<void> {
  await notify(req, {
    kind: 'refund_requested',
    to: 'byRole',
    title: { es: `Reembolso solicitado del pago #${payment.id}`, en: `Refund requested for payment #${payment.id}` },
    body: {
      es: `Se pidió devolver ${money(request.amount, payment.currency)}; el pago muestra el motivo y cómo va.`,
      en: `A refund of ${money(request.amount, payment.currency)} was requested; the payment shows why and how it is going.`,
    },
    link: adminDocumentPath('payments', payment.id),
    document: { collection: 'payments', id: payment.id },
    dedupeKey: `refund_requested:${payment.id}:${request.number}`,
  })
}
