import Stripe from 'stripe'

import type { ApiClient } from './api'
import type { StandInSession } from './stripeStandIn'

export const WEBHOOK_SECRET = 'whsec_test_aula_secret'

let counter = 0
const eventId = () => `evt_test_${Date.now().toString(36)}_${(counter += 1)}`

/** A Stripe event envelope around `object`, shaped like the real thing. */
export function stripeEvent(type: string, object: Record<string, unknown>, id = eventId()) {
  return {
    id,
    object: 'event',
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  }
}

export const sessionCompleted = (session: StandInSession, overrides: Record<string, unknown> = {}) =>
  stripeEvent('checkout.session.completed', { ...session, status: 'complete', payment_status: 'paid', ...overrides })

export const sessionExpired = (session: StandInSession) => stripeEvent('checkout.session.expired', { ...session, status: 'expired', url: null })

export const paymentFailed = (session: StandInSession, paymentIntentId = `pi_test_failed_${session.id}`) =>
  stripeEvent('payment_intent.payment_failed', {
    id: paymentIntentId,
    object: 'payment_intent',
    amount: session.amount_total,
    currency: session.currency,
    status: 'requires_payment_method',
    metadata: session.metadata,
    last_payment_error: { code: 'card_declined', message: 'Your card was declined.' },
  })

export const chargeRefunded = (session: StandInSession, paymentIntentId: string, refunded = true) =>
  stripeEvent('charge.refunded', {
    id: `ch_test_${session.id}`,
    object: 'charge',
    amount: session.amount_total,
    amount_refunded: refunded ? session.amount_total : Math.floor(session.amount_total / 2),
    currency: session.currency,
    payment_intent: paymentIntentId,
    metadata: session.metadata,
    refunded,
  })

/** `charge.refunded` as Stripe sends it after a refund: `amount_refunded` is the total so far (cumulative). */
export const chargeRefundedSoFar = (session: StandInSession, amountRefunded: number) =>
  stripeEvent('charge.refunded', {
    id: `ch_test_${session.id}`,
    object: 'charge',
    amount: session.amount_total,
    amount_refunded: amountRefunded,
    currency: session.currency,
    payment_intent: session.payment_intent,
    metadata: session.metadata,
    refunded: amountRefunded >= session.amount_total,
  })

/** Posts `event` to the webhook with a real Stripe signature (or the `signature` given). */
export function deliver(api: ApiClient, event: unknown, { secret = WEBHOOK_SECRET, signature }: { secret?: string; signature?: string | null } = {}) {
  const payload = JSON.stringify(event)
  const header = signature === undefined ? Stripe.webhooks.generateTestHeaderString({ payload, secret }) : signature
  return api.post('/stripe/webhooks', payload, { headers: header === null ? {} : { 'stripe-signature': header } })
}
