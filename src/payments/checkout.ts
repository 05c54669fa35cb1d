import { APIError, ValidationError, type PayloadRequest } from 'payload'

import { endEnrollment } from '../enrollment/cancel'
import { inTransaction } from '../enrollment/transaction'
import type { Payment } from '../payload-types'
import { getClock } from '../utilities/clock'
import { stripeCurrency, toMinorUnits } from './money'
import { expireUnopenedCheckout, paymentOfEnrollment, relationId, updateEnrollment } from './payments'
import { paymentSettings } from './settings'
import { stripeFor } from './stripeClient'

export interface Checkout {
  checkoutUrl: string
  holdExpiresAt: string
}

/** Stripe refuses `expires_at` less than 30 minutes or more than 24 hours ahead. */
const STRIPE_MIN_EXPIRY_MS = 31 * 60_000
const STRIPE_MAX_EXPIRY_MS = 23 * 60 * 60_000

/**
 * The Checkout Session of a `pending_payment` enrollment, created on first call and returned as is
 * on every later one (an Idempotency-Key retry gets the same session). Runs AFTER the registration
 * transaction committed: no row lock is held across the call to Stripe. When Stripe cannot be
 * reached the enrollment is ended (its seat freed) and the caller gets a 502.
 */
export async function checkoutFor(req: PayloadRequest, enrollment: Record<string, unknown>): Promise<Checkout> {
  const enrollmentId = Number(enrollment.id)
  const payment = (await paymentOfEnrollment(req, enrollmentId)) ?? (await createPayment(req, enrollment))
  try {
    return await attachSession(req, enrollment, payment)
  } catch (error) {
    req.payload.logger.error({ err: error, msg: `Stripe Checkout failed for enrollment ${enrollmentId}` })
    await releaseAfterFailedCheckout(req, enrollmentId, payment.id)
    throw new APIError('The payment provider could not be reached, so your seat was released. Please try again in a moment.', 502, undefined, true)
  }
}

/** The payment's Checkout Session: created at Stripe unless the payment already has one. */
export async function attachSession(req: PayloadRequest, enrollment: Record<string, unknown>, payment: Payment): Promise<Checkout> {
  if (payment.checkoutUrl) return { checkoutUrl: payment.checkoutUrl, holdExpiresAt: String(payment.holdExpiresAt) }
  const session = await createSession(req, enrollment, payment)
  await req.payload.update({
    collection: 'payments',
    id: payment.id,
    req,
    overrideAccess: true,
    depth: 0,
    data: { checkoutSessionId: session.id, checkoutUrl: session.url },
  })
  return { checkoutUrl: String(session.url), holdExpiresAt: String(payment.holdExpiresAt) }
}

/**
 * A pending payment holding the enrollment's seat for PAYMENT_HOLD_MINUTES from now. A group booking's
 * one payment (src/commerce/groups) passes `group`: `enrollment` is then its first attendee's, and
 * `user`, `amount` and `currency` the buyer's and the whole group's.
 */
export async function createPayment(req: PayloadRequest, enrollment: Record<string, unknown>, group?: { bookingId: number; seats: number }): Promise<Payment> {
  const { holdMinutes } = paymentSettings(req.payload)
  const holdExpiresAt = new Date(getClock(req.payload).now().getTime() + holdMinutes * 60_000)
  try {
    return await req.payload.create({
      collection: 'payments',
      req,
      overrideAccess: true,
      depth: 0,
      data: {
        enrollment: Number(enrollment.id),
        user: relationId(enrollment.user),
        status: 'pending',
        provider: 'stripe',
        amount: Number(enrollment.amount),
        currency: String(enrollment.currency),
        holdExpiresAt: holdExpiresAt.toISOString(),
        ...(group ? { booking: group.bookingId, seats: group.seats } : {}),
      },
    })
  } catch (error) {
    // Two retries of one registration raced: the loser uses the winner's payment.
    const clash = error instanceof ValidationError && (error.data?.errors ?? []).some((problem: { path?: string }) => problem.path === 'enrollment')
    const existing = clash ? await paymentOfEnrollment(req, Number(enrollment.id)) : null
    if (existing) return existing
    throw error
  }
}

/**
 * One line: the seat, or a group's N seats at the per-seat price (coupon applied per seat), so the buyer's
 * Checkout page and receipt read "N × item". A total that does not split evenly into minor units stays one line.
 */
function lineOf(payment: Payment, name: string) {
  const total = toMinorUnits(payment.amount, payment.currency)
  const seats = Math.max(Number(payment.seats ?? 1), 1)
  const even = total % seats === 0
  return { quantity: even ? seats : 1, price_data: { currency: stripeCurrency(payment.currency), unit_amount: even ? total / seats : total, product_data: { name } } }
}

async function createSession(req: PayloadRequest, enrollment: Record<string, unknown>, payment: Payment) {
  const { serverUrl } = paymentSettings(req.payload)
  const item = enrollment.item as { relationTo: 'webinars' | 'courses'; value: unknown }
  const itemDoc = await req.payload.findByID({ collection: item.relationTo, id: relationId(item.value)!, depth: 0, overrideAccess: true, req, select: { title: true } })
  // Who pays: the payment's person (a group's buyer), else the enrollment's.
  const user = await req.payload.findByID({ collection: 'users', id: (relationId(payment.user) ?? relationId(enrollment.user))!, depth: 0, overrideAccess: true, req, select: { email: true } })
  const now = getClock(req.payload).now().getTime()
  const holdEnds = new Date(String(payment.holdExpiresAt)).getTime()
  const expiresAt = Math.min(Math.max(holdEnds, now + STRIPE_MIN_EXPIRY_MS), now + STRIPE_MAX_EXPIRY_MS)
  const metadata = { enrollmentId: String(enrollment.id), paymentId: String(payment.id) }
  return stripeFor(req.payload).checkout.sessions.create(
    {
      mode: 'payment',
      line_items: [
        lineOf(payment, String((itemDoc as { title?: string }).title ?? 'Aula')),
      ],
      customer_email: user.email,
      client_reference_id: String(enrollment.id),
      metadata,
      payment_intent_data: { metadata },
      success_url: `${serverUrl}/checkout/success?enrollment=${enrollment.id}&session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${serverUrl}/checkout/cancelled?enrollment=${enrollment.id}`,
      expires_at: Math.floor(expiresAt / 1000),
    },
    // One key per payment: a retried registration, or a retried call after a lost answer, gets the same session.
    { idempotencyKey: `aula-checkout-${payment.id}` },
  )
}

/**
 * Stripe failed: the seat goes back (and to the waiting list) and the Idempotency-Key is released,
 * so the caller's retry registers afresh instead of replaying this failure.
 */
async function releaseAfterFailedCheckout(req: PayloadRequest, enrollmentId: number, paymentId: number) {
  await inTransaction(req, async () => {
    await endEnrollment(req, enrollmentId, { reason: 'The payment provider could not be reached.' })
    await updateEnrollment(req, enrollmentId, { idempotencyKey: null })
    await expireUnopenedCheckout(req, paymentId)
  })
}
