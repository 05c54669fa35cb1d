import type { PayloadRequest, Where } from 'payload'
import type Stripe from 'stripe'

import { endEnrollment } from '../enrollment/cancel'
import { holdsSeat } from '../enrollment/statuses'
import type { Payment } from '../payload-types'
import { notifyPaymentFailed } from '../notifications/triggers/payments'
import { queuePaymentFailedEmail } from './emails'
import { currencyDecimals, formatAmount, stripeCurrency, toMinorUnits } from './money'
import { lockPayment, relationId, updateEnrollment, updatePayment } from './payments'
import { enrollmentsOfPayment, settlePayment } from './settle'
import { canMove } from './statuses'

export interface EventResult {
  paymentId: number | null
  status: 'processed' | 'ignored'
  outcome: string
}

type PaymentRef = { paymentId?: string | null; sessionId?: string | null; paymentIntentId?: string | null }

/**
 * Applies one Stripe event to Aula, inside the caller's transaction. Each handler moves the payment
 * only up its ladder (see `canMove`), so events applied in any order end in the same state.
 */
export async function applyEvent(req: PayloadRequest, event: Stripe.Event): Promise<EventResult> {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const session = event.data.object
      const ref = { paymentId: session.metadata?.paymentId, sessionId: session.id, paymentIntentId: idOf(session.payment_intent) }
      if (session.payment_status !== 'paid') return withPayment(req, ref, async (payment) => ({ outcome: 'waiting for an asynchronous payment', payment }))
      return withPayment(req, ref, (payment) => succeed(req, payment, { amount: session.amount_total, currency: session.currency, paymentIntentId: ref.paymentIntentId }))
    }
    case 'payment_intent.succeeded': {
      const intent = event.data.object
      const ref = { paymentId: intent.metadata?.paymentId, paymentIntentId: intent.id }
      return withPayment(req, ref, (payment) => succeed(req, payment, { amount: intent.amount_received, currency: intent.currency, paymentIntentId: intent.id }))
    }
    case 'payment_intent.payment_failed': {
      const intent = event.data.object
      const ref = { paymentId: intent.metadata?.paymentId, paymentIntentId: intent.id }
      return withPayment(req, ref, (payment) => fail(req, payment, intent.last_payment_error?.message ?? 'The payment failed.', event.id))
    }
    case 'checkout.session.expired': {
      const session = event.data.object
      return withPayment(req, { paymentId: session.metadata?.paymentId, sessionId: session.id }, (payment) =>
        endHold(req, payment, 'The Stripe Checkout Session expired unpaid.'),
      )
    }
    case 'charge.refunded': {
      const charge = event.data.object
      return withPayment(req, { paymentId: charge.metadata?.paymentId, paymentIntentId: idOf(charge.payment_intent) }, (payment) =>
        refund(req, payment, { fully: charge.refunded, amountRefunded: charge.amount_refunded, currency: charge.currency, paymentIntentId: idOf(charge.payment_intent) }),
      )
    }
    default:
      return { paymentId: null, status: 'ignored', outcome: `Aula does not handle ${event.type}.` }
  }
}

const idOf = (value: string | { id: string } | null | undefined) => (value ? (typeof value === 'string' ? value : value.id) : null)

async function withPayment(
  req: PayloadRequest,
  ref: PaymentRef,
  work: (payment: Payment) => Promise<{ outcome: string; payment: Payment }>,
): Promise<EventResult> {
  const id = await findPaymentId(req, ref)
  const payment = id ? await lockPayment(req, id) : null
  if (!payment) return { paymentId: null, status: 'ignored', outcome: 'No Aula payment matches this event.' }
  const { outcome } = await work(payment)
  return { paymentId: payment.id, status: 'processed', outcome }
}

async function findPaymentId(req: PayloadRequest, { paymentId, sessionId, paymentIntentId }: PaymentRef): Promise<number | null> {
  const or: Where[] = [
    ...(paymentId && /^\d+$/.test(paymentId) ? [{ id: { equals: Number(paymentId) } }] : []),
    ...(sessionId ? [{ checkoutSessionId: { equals: sessionId } }] : []),
    ...(paymentIntentId ? [{ paymentIntentId: { equals: paymentIntentId } }] : []),
  ]
  if (!or.length) return null
  const { docs } = await req.payload.find({ collection: 'payments', where: { or }, limit: 1, depth: 0, overrideAccess: true, pagination: false, req, select: {} })
  return docs[0] ? Number(docs[0].id) : null
}


const enrollmentOf = (req: PayloadRequest, payment: Payment) =>
  req.payload.findByID({ collection: 'enrollments', id: relationId(payment.enrollment)!, req, depth: 0, overrideAccess: true })

async function succeed(
  req: PayloadRequest,
  payment: Payment,
  paid: { amount: number | null; currency: string | null; paymentIntentId: string | null },
): Promise<{ outcome: string; payment: Payment }> {
  const intent = paid.paymentIntentId && !payment.paymentIntentId ? { paymentIntentId: paid.paymentIntentId } : {}
  if (!canMove(payment.status, 'succeeded')) return settlePayment(req, payment, intent)
  // What Aula asked Stripe to charge: the payment's amount (a group's is every seat's, after any coupon).
  const expected = { amount: toMinorUnits(Number(payment.amount), String(payment.currency)), currency: stripeCurrency(String(payment.currency)) }
  if (paid.amount !== expected.amount || stripeCurrency(paid.currency ?? '') !== expected.currency) {
    const reason = `Stripe reported ${paid.amount} ${paid.currency} but the payment is for ${expected.amount} ${expected.currency} (minor units). Not confirmed.`
    await updatePayment(req, payment, { ...intent, needsReview: true, reviewReason: reason })
    return { outcome: reason, payment }
  }
  return settlePayment(req, payment, intent)
}

/**
 * A declined card. Recorded whatever the order it arrives in: after the hold ended (`expired`) the
 * payment stays expired but the failure is still noted on it and its enrollment, so a storm of
 * shuffled events ends where the same events one by one would. Only a payment that can still be
 * retried gets the "payment failed, try again" email.
 */
async function fail(req: PayloadRequest, payment: Payment, message: string, eventId: string): Promise<{ outcome: string; payment: Payment }> {
  if (payment.status === 'succeeded' || payment.status === 'refunded') return { outcome: `Payment already ${payment.status}; failure ignored.`, payment }
  const retryable = payment.status === 'pending' || payment.status === 'failed'
  const updated = await updatePayment(req, payment, { status: retryable ? 'failed' : payment.status, failureMessage: message })
  if (retryable) await notifyPaymentFailed(req, updated, eventId, message)
  // Every seat the payment is for (a group's: every attendee's).
  const enrollments = await enrollmentsOfPayment(req, payment)
  for (const enrollment of enrollments) {
    if (enrollment.paymentStatus !== 'paid' && enrollment.paymentStatus !== 'refunded') await updateEnrollment(req, enrollment.id, { paymentStatus: 'failed' })
  }
  // The seats stay held until the hold expires, so the buyer can try another card.
  if (retryable && enrollments.some((enrollment) => enrollment.status === 'pending_payment')) await queuePaymentFailedEmail(req, updated, eventId, message)
  return { outcome: retryable ? `Payment failed: ${message}` : `Payment failed after its hold ended (${message}); recorded.`, payment: updated }
}

/** A hold that ran out unpaid (our job, or Stripe expiring the session): the seat goes back. */
export async function endHold(req: PayloadRequest, payment: Payment, reason: string): Promise<{ outcome: string; payment: Payment }> {
  if (payment.status !== 'pending' && payment.status !== 'failed') return { outcome: `Payment already ${payment.status}; nothing to expire.`, payment }
  const updated = await updatePayment(req, payment, { status: 'expired' })
  // A group's hold frees all its seats together.
  for (const enrollment of await enrollmentsOfPayment(req, payment)) {
    if (enrollment.status === 'pending_payment') await endEnrollment(req, enrollment.id, { reason, status: 'cancelled' })
  }
  return { outcome: `Hold ended: ${reason}`, payment: updated }
}

/**
 * Stripe's `charge.refunded` carries the cumulative `amount_refunded`, so `amountRefunded` is set from it
 * and only ever rises (events may arrive out of order). A partial refund Aula asked for (src/payments/refunds.ts)
 * is normal: staff decided it, the seats stay as they are. One made elsewhere (Stripe's dashboard) is flagged
 * for review. Once the whole charge is back the payment is refunded and every seat it still pays for ends.
 */
async function refund(
  req: PayloadRequest,
  payment: Payment,
  charge: { fully: boolean; amountRefunded: number; currency: string; paymentIntentId: string | null },
): Promise<{ outcome: string; payment: Payment }> {
  const intent = charge.paymentIntentId && !payment.paymentIntentId ? { paymentIntentId: charge.paymentIntentId } : {}
  const currency = String(payment.currency)
  const refundedMinor = Math.max(charge.amountRefunded, toMinorUnits(Number(payment.amountRefunded ?? 0), currency))
  const amountRefunded = refundedMinor / 10 ** currencyDecimals(currency)
  if (!charge.fully) {
    const asked = (payment.refundRequests ?? []).filter((row) => row.status !== 'failed').reduce((sum, row) => sum + toMinorUnits(Number(row.amount), currency), 0)
    const money = `${formatAmount(amountRefunded, currency)} ${currency}`
    if (refundedMinor <= asked) {
      await updatePayment(req, payment, { ...intent, amountRefunded })
      return { outcome: `Partial refund recorded: ${money} given back so far.`, payment }
    }
    const reason = `Partial refund of ${money} in total, more than Aula asked for (made outside Aula?): the enrollments were left as they are.`
    await updatePayment(req, payment, { ...intent, amountRefunded, needsReview: true, reviewReason: reason })
    return { outcome: reason, payment }
  }
  if (!canMove(payment.status, 'refunded')) return { outcome: 'Payment already refunded.', payment }
  const updated = await updatePayment(req, payment, { ...intent, status: 'refunded', amountRefunded })
  for (const enrollment of await enrollmentsOfPayment(req, payment)) {
    if (holdsSeat(enrollment.status) || enrollment.status === 'waitlisted') {
      await endEnrollment(req, enrollment.id, { reason: payment.refundReason ?? 'The payment was refunded.', status: 'refunded' })
      await updateEnrollment(req, enrollment.id, { paymentStatus: 'refunded' })
    } else {
      await updateEnrollment(req, enrollment.id, { status: 'refunded', paymentStatus: 'refunded' })
    }
  }
  return { outcome: 'Payment refunded; its enrollments refunded and their seats freed.', payment: updated }
}
