import { APIError, ValidationError, type PayloadRequest } from 'payload'

import { inTransaction } from '../enrollment/transaction'
import type { Payment } from '../payload-types'
import { notifyRefundRequested } from '../notifications/triggers/payments'
import { getClock } from '../utilities/clock'
import { currencyDecimals, formatAmount, toMinorUnits } from './money'
import { lockPayment, updatePayment } from './payments'
import { Stripe, stripeFor } from './stripeClient'

export interface RefundOptions {
  /** In the payment's currency; absent = everything not yet given back (a full refund). */
  amount?: number
  reason?: string
}

export interface RefundRequested {
  /** Per payment, from 1: Stripe's idempotency key is `aula-refund-<paymentId>-<number>`. */
  number: number
  amount: number
  stripeRefundId: string
}

type RefundRequestRow = NonNullable<Payment['refundRequests']>[number]

/**
 * Asks Stripe to give back `amount` of a succeeded payment (all that is left when no amount is given).
 * Aula changes nothing else here: Stripe's `charge.refunded` event sets `amountRefunded` and, once the
 * whole charge is back, marks the payment refunded and ends its seats (src/payments/events.ts).
 *
 * The request is written down first (numbered, under the payment's row lock, in its own transaction),
 * then sent with that number in the idempotency key, so a double click or a retried job never refunds
 * twice, and two staff refunding at once can never give back more than was paid. A refund Stripe
 * refused is marked `failed` and no longer counts; one whose answer never came stays `requested` (it may
 * have happened), and the next request for the same amount, or a full refund with nothing else left (the
 * `refundPayment` job retrying), resends it under its own key: Stripe replays it instead of refunding again.
 * Returns null when nothing is left to refund.
 */
export async function requestRefund(req: PayloadRequest, payment: Payment, { amount, reason }: RefundOptions = {}): Promise<RefundRequested | null> {
  const claim = await inTransaction(req, () => claimRefund(req, payment.id, { amount, reason }))
  if (!claim) return null
  try {
    const refund = await stripeFor(req.payload).refunds.create(
      {
        payment_intent: claim.paymentIntentId,
        amount: toMinorUnits(claim.amount, claim.currency),
        metadata: { paymentId: String(payment.id), refundNumber: String(claim.number), ...(reason ? { reason: reason.slice(0, 500) } : {}) },
      },
      { idempotencyKey: `aula-refund-${payment.id}-${claim.number}` },
    )
    await noteOutcome(req, payment.id, claim.number, { stripeRefundId: refund.id })
    return { number: claim.number, amount: claim.amount, stripeRefundId: refund.id }
  } catch (error) {
    // Stripe answered no: this request is over. No answer at all (a network failure): it may have happened.
    if (!(error instanceof Stripe.errors.StripeConnectionError)) {
      await noteOutcome(req, payment.id, claim.number, { status: 'failed', failure: String((error as Error).message).slice(0, 500) })
    }
    throw error
  }
}

/** What is left to give back, in minor units: the paid amount less what Stripe returned or Aula already asked for. */
export function refundableMinor(payment: Payment): number {
  const currency = String(payment.currency)
  const asked = (payment.refundRequests ?? []).filter((row) => row.status !== 'failed').reduce((sum, row) => sum + toMinorUnits(Number(row.amount), currency), 0)
  const given = toMinorUnits(Number(payment.amountRefunded ?? 0), currency)
  return toMinorUnits(Number(payment.amount), currency) - Math.max(asked, given)
}

async function claimRefund(req: PayloadRequest, paymentId: number, { amount, reason }: RefundOptions) {
  const payment = await lockPayment(req, paymentId)
  if (!payment) throw new APIError('Not Found', 404, undefined, true)
  if (payment.status === 'refunded' && amount === undefined) return null
  if (payment.status !== 'succeeded') {
    throw new APIError(`Only a succeeded payment can be refunded (this one is ${payment.status}).`, 409, undefined, true)
  }
  if (!payment.paymentIntentId) {
    throw new APIError('This payment has no Stripe PaymentIntent yet, so there is nothing to refund.', 409, undefined, true)
  }
  const currency = String(payment.currency)
  const rows = payment.refundRequests ?? []
  const base = { paymentIntentId: payment.paymentIntentId, currency }
  const left = refundableMinor(payment)
  // Sent, but no answer came back: asking again for the same thing resends it under its own key.
  const unanswered = rows.filter((row) => row.status === 'requested' && !row.stripeRefundId)
  const resend =
    amount === undefined
      ? left <= 0 && unanswered.at(-1)
      : unanswered.find((row) => toMinorUnits(Number(row.amount), currency) === toMinorUnits(amount, currency))
  if (resend) return { ...base, number: resend.number, amount: Number(resend.amount) }
  if (amount === undefined && left <= 0) return null
  const minor = amount === undefined ? left : checkedAmount(amount, currency, left)
  const refundAmount = minor / 10 ** currencyDecimals(currency)
  const number = rows.reduce((top, row) => Math.max(top, row.number), 0) + 1
  const now = getClock(req.payload).now().toISOString()
  const row: RefundRequestRow = { number, amount: refundAmount, status: 'requested', reason: reason || null, requestedAt: now, requestedBy: req.user?.collection === 'users' ? req.user.id : null }
  // A full refund's reason is what the attendees' ended enrollments will say (events.ts `refund`).
  await updatePayment(req, paymentId, { refundRequests: [...rows, row], refundRequestedAt: now, ...(reason && minor === left ? { refundReason: reason } : {}) })
  await notifyRefundRequested(req, { id: paymentId, currency }, { number, amount: refundAmount })
  return { ...base, number, amount: refundAmount }
}

function checkedAmount(amount: number, currency: string, leftMinor: number): number {
  const invalid = (message: string) => new ValidationError({ collection: 'payments', errors: [{ path: 'amount', message }] })
  if (!Number.isFinite(amount) || amount <= 0) throw invalid('amount must be a positive number.')
  const decimals = currencyDecimals(currency)
  const minor = Math.round(amount * 10 ** decimals)
  if (Math.abs(minor - amount * 10 ** decimals) > 1e-6) throw invalid(`amount may have at most ${decimals} decimals in ${currency}.`)
  if (minor > leftMinor) {
    throw invalid(`amount ${formatAmount(amount, currency)} is more than what is left to refund (${formatAmount(Math.max(leftMinor, 0) / 10 ** decimals, currency)} ${currency}).`)
  }
  return minor
}

async function noteOutcome(req: PayloadRequest, paymentId: number, number: number, outcome: Partial<RefundRequestRow>): Promise<void> {
  await inTransaction(req, async () => {
    const payment = await lockPayment(req, paymentId)
    if (!payment) return
    const rows = (payment.refundRequests ?? []).map((row) => (row.number === number ? { ...row, ...outcome } : row))
    await updatePayment(req, paymentId, { refundRequests: rows })
  })
}

/** Stamps when a refund was asked for (the demo seed's history uses it; `requestRefund` stamps it itself). */
export async function markRefundRequested(req: PayloadRequest, paymentId: number): Promise<void> {
  await updatePayment(req, paymentId, { refundRequestedAt: getClock(req.payload).now().toISOString() })
}
