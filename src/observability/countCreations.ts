import type { CollectionAfterChangeHook, CollectionConfig } from 'payload'

import { registrations, stripeEvents } from './metrics'

const STRIPE_EVENT_TYPE = /^[a-z_.]{1,64}$/

const countRegistration: CollectionAfterChangeHook = ({ doc, operation }) => {
  if (operation === 'create') {
    const item = (doc.item as { relationTo?: string } | undefined)?.relationTo ?? 'unknown'
    registrations.inc({ item, status: String(doc.status ?? 'unknown') })
  }
  return doc
}

const countStripeEvent: CollectionAfterChangeHook = ({ doc, operation }) => {
  if (operation === 'create') stripeEvents.inc({ type: STRIPE_EVENT_TYPE.test(String(doc.type)) ? String(doc.type) : 'other' })
  return doc
}

const counters: Record<string, CollectionAfterChangeHook> = { enrollments: countRegistration, 'stripe-events': countStripeEvent }

/**
 * Adds the metric counters to the collections they count, from outside the collections' folders:
 * every way an enrollment or a Stripe event is created (REST, GraphQL, custom endpoints, admin)
 * goes through these hooks. A creation whose transaction later rolls back is still counted.
 */
export function countCreations(collection: CollectionConfig): CollectionConfig {
  const counter = counters[collection.slug]
  if (!counter) return collection
  return { ...collection, hooks: { ...collection.hooks, afterChange: [...(collection.hooks?.afterChange ?? []), counter] } }
}
