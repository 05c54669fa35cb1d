import type { PayloadRequest } from 'payload'
import type Stripe from 'stripe'

import { createPayment } from '../../payments/checkout'
import { stripeCurrency, toMinorUnits } from '../../payments/money'
import { paymentOfEnrollment } from '../../payments/payments'
import { markRefundRequested } from '../../payments/refunds'
import { processEvent, recordEvent } from '../../payments/stripeEvents'
import type { Payment } from '../../payload-types'
import { getClock } from '../../utilities/clock'

/**
 * The demo's paid history, through the functions a real purchase runs, minus the network: Stripe
 * is not reachable from here (and the demo must not need keys), so where Stripe would answer, the
 * seed writes what Stripe would have sent.
 *
 * A purchase: `createPayment` (what `checkoutFor` does after a paid registration: a pending payment
 * holding the seat), the Checkout Session id stored the way `attachSession` stores Stripe's answer,
 * then Stripe's `checkout.session.completed` event handed to `recordEvent` (what the webhook endpoint
 * does once the signature checks out) and `processEvent` (what the `processStripeEvent` job does).
 * A refund: `refundRequestedAt` as `requestRefund` writes it after Stripe accepts, then Stripe's
 * `charge.refunded` event through the same two functions. The events are stored in `stripe-events`
 * like real ones (ids `evt_demo_…`, `livemode: false`); the job `recordEvent` queues later finds
 * them processed and does nothing.
 */
export async function payAsStripeWould(req: PayloadRequest, enrollment: Record<string, unknown>): Promise<Payment> {
  const payment = (await paymentOfEnrollment(req, Number(enrollment.id))) ?? (await createPayment(req, enrollment))
  const sessionId = `cs_demo_${payment.id}`
  await req.payload.update({ collection: 'payments', id: payment.id, req, overrideAccess: true, depth: 0, data: { checkoutSessionId: sessionId } })
  const amount = toMinorUnits(payment.amount, payment.currency)
  await deliver(req, event(req, `evt_demo_paid_${payment.id}`, 'checkout.session.completed', {
    id: sessionId,
    object: 'checkout.session',
    mode: 'payment',
    status: 'complete',
    payment_status: 'paid',
    amount_total: amount,
    currency: stripeCurrency(payment.currency),
    payment_intent: `pi_demo_${payment.id}`,
    client_reference_id: String(enrollment.id),
    metadata: { enrollmentId: String(enrollment.id), paymentId: String(payment.id) },
  }))
  return req.payload.findByID({ collection: 'payments', id: payment.id, req, depth: 0, overrideAccess: true })
}

export async function refundAsStripeWould(req: PayloadRequest, payment: Payment): Promise<void> {
  await markRefundRequested(req, payment.id)
  const amount = toMinorUnits(payment.amount, payment.currency)
  await deliver(req, event(req, `evt_demo_refund_${payment.id}`, 'charge.refunded', {
    id: `ch_demo_${payment.id}`,
    object: 'charge',
    amount,
    amount_refunded: amount,
    refunded: true,
    currency: stripeCurrency(payment.currency),
    payment_intent: payment.paymentIntentId,
    metadata: { paymentId: String(payment.id) },
  }))
}

async function deliver(req: PayloadRequest, stripeEvent: Stripe.Event): Promise<void> {
  await recordEvent(req, stripeEvent)
  await processEvent(req, stripeEvent.id)
}

const event = (req: PayloadRequest, id: string, type: string, object: Record<string, unknown>): Stripe.Event =>
  ({
    id,
    object: 'event',
    api_version: null,
    created: Math.floor(getClock(req.payload).now().getTime() / 1000),
    livemode: false,
    pending_webhooks: 0,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  }) as unknown as Stripe.Event
