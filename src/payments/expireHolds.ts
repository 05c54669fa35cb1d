import type { PayloadRequest } from 'payload'

import { inTransaction } from '../enrollment/transaction'
import type { Payment } from '../payload-types'
import { getClock } from '../utilities/clock'
import { endHold } from './events'
import { lockPayment } from './payments'
import { stripeFor } from './stripeClient'

/**
 * Ends every payment hold that ran out unpaid (by the injected clock): the Checkout Session is
 * expired at Stripe first, so nobody can pay for a seat that is about to go, then the enrollment is
 * cancelled and its seat passes to the waiting list. Returns the ids of the payments it expired.
 */
export async function expireDueHolds(req: PayloadRequest, limit = 100): Promise<number[]> {
  const now = getClock(req.payload).now()
  const { docs } = await req.payload.find({
    collection: 'payments',
    where: { and: [{ status: { in: ['pending', 'failed'] } }, { holdExpiresAt: { less_than_equal: now.toISOString() } }] },
    sort: 'holdExpiresAt',
    limit,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
  })
  const expired: number[] = []
  for (const payment of docs) {
    if (!(await expireCheckoutSession(req, payment))) continue
    const ended = await inTransaction(req, async () => {
      const locked = await lockPayment(req, payment.id)
      if (!locked) return false
      const { payment: after } = await endHold(req, locked, 'The payment hold expired before the payment was made.')
      return after.status === 'expired' && locked.status !== 'expired'
    })
    if (ended) expired.push(payment.id)
  }
  return expired
}

/**
 * Expires the session at Stripe. False when the buyer completed it meanwhile: the seat is then
 * kept and the `checkout.session.completed` event confirms it. When Stripe cannot be reached the
 * hold ends anyway (the session dies at its own `expires_at`; late money is handled as a late success).
 */
export async function expireCheckoutSession(req: PayloadRequest, payment: Payment): Promise<boolean> {
  if (!payment.checkoutSessionId) return true
  const stripe = stripeFor(req.payload)
  try {
    await stripe.checkout.sessions.expire(payment.checkoutSessionId)
    return true
  } catch (error) {
    const session = await stripe.checkout.sessions.retrieve(payment.checkoutSessionId).catch(() => null)
    if (session?.status === 'complete') return false
    req.payload.logger.warn({ err: error, msg: `Could not expire Checkout Session ${payment.checkoutSessionId}; ending the hold anyway` })
    return true
  }
}
