import { APIError, type Endpoint } from 'payload'
import type Stripe from 'stripe'

import { paymentSettings } from '../payments/settings'
import { recordEvent } from '../payments/stripeEvents'
import { stripeFor } from '../payments/stripeClient'

/**
 * `POST /api/stripe/webhooks`, Stripe's only way in. Our own rather than the Stripe plugin's
 * (docs/decisions/0004): the signature is checked on the raw body, a bad or missing one is a 400
 * that changes nothing, and the event is recorded durably (once per id) and queued before we say 2xx.
 * Payload hands custom endpoints the original Request with its body unread, so `req.text()` is the
 * exact bytes Stripe signed.
 */
export const stripeWebhookEndpoint: Endpoint = {
  path: '/stripe/webhooks',
  method: 'post',
  handler: async (req) => {
    const secret = paymentSettings(req.payload).stripe?.webhookSecret
    if (!secret) {
      throw new APIError('Stripe webhooks are not configured: set STRIPE_SECRET_KEY and STRIPE_WEBHOOKS_ENDPOINT_SECRET.', 503, undefined, true)
    }
    const signature = req.headers.get('stripe-signature')
    if (!signature) throw new APIError('The Stripe-Signature header is missing.', 400, undefined, true)
    const body = typeof req.text === 'function' ? await req.text() : ''
    let event: Stripe.Event
    try {
      event = stripeFor(req.payload).webhooks.constructEvent(body, signature, secret)
    } catch (error) {
      throw new APIError(`The Stripe signature does not match this request: ${(error as Error).message}`, 400, undefined, true)
    }
    const recorded = await recordEvent(req, event)
    return Response.json({ received: true, duplicate: !recorded }, { status: 200 })
  },
}
