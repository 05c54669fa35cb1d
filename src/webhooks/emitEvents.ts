import type { CollectionAfterChangeHook, CollectionConfig } from 'payload'

import { emitCatalogEvents } from './emit/catalogEvents'
import { emitOnCreate, emitOnStatus } from './emit/recordEvents'

/**
 * Which saves become webhook events (docs/webhooks.md "Events"). Each hook queues inside the save's own
 * transaction (`req`): a rolled-back change sends nothing.
 */
const EMITTERS: Record<string, CollectionAfterChangeHook[]> = {
  webinars: [emitCatalogEvents('webinar', 'webinars')],
  courses: [emitCatalogEvents('course', 'courses')],
  enrollments: [emitOnCreate('enrollment.created', 'enrollments'), emitOnStatus('cancelled', 'enrollment.cancelled', 'enrollments')],
  payments: [emitOnStatus('succeeded', 'payment.succeeded', 'payments')],
  certificates: [emitOnCreate('certificate.issued', 'certificates')],
  leads: [emitOnCreate('lead.created', 'leads')],
}

/** Adds the event hooks to the collections that have events; the rest pass through unchanged. */
export function withWebhookEvents(collection: CollectionConfig): CollectionConfig {
  const emitters = EMITTERS[collection.slug]
  if (!emitters) return collection
  return { ...collection, hooks: { ...collection.hooks, afterChange: [...(collection.hooks?.afterChange ?? []), ...emitters] } }
}
