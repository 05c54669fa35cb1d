import type { Payload } from 'payload'
import Stripe from 'stripe'

import { requireStripe } from './settings'

const clients = new WeakMap<object, Stripe>()

/**
 * The one Stripe client of a Payload instance. `STRIPE_API_URL` points it somewhere other than
 * api.stripe.com (the tests' local stand-in); the SDK takes host, port and protocol separately.
 */
export function stripeFor(payload: Pick<Payload, 'config'>): Stripe {
  const cached = clients.get(payload.config)
  if (cached) return cached
  const { secretKey, apiUrl } = requireStripe(payload)
  const client = new Stripe(secretKey, { ...hostOptions(apiUrl), maxNetworkRetries: 2, timeout: 20_000 })
  clients.set(payload.config, client)
  return client
}

function hostOptions(apiUrl: string | undefined) {
  if (!apiUrl) return {}
  const url = new URL(apiUrl)
  const protocol = url.protocol === 'http:' ? 'http' : 'https'
  return { host: url.hostname, port: url.port || (protocol === 'http' ? '80' : '443'), protocol } as const
}

export { Stripe }
