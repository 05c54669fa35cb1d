import { createLocalReq, type CollectionSlug, type Payload } from 'payload'

import type { WebhookEvent } from '../events'

export type ReceiverRole = 'public' | 'sales' | 'editor'

export interface WebhookEventBody {
  id: string
  type: WebhookEvent
  createdAt: string
  data: { collection: string; id: string | number; object: Record<string, unknown> | null }
}

/**
 * The receiver reads as its webhook's role: no user for 'public', else a user holding only that role
 * and no id of a real person (so "their own" rows, such as a sales user's assigned leads, are none).
 */
const readerFor = (role: ReceiverRole) => (role === 'public' ? undefined : { id: 0, collection: 'users', roles: [role], email: 'webhook-receiver@aula.invalid' })

/**
 * The document as the receiver's role reads it now, through the Local API with access enforced, depth 0:
 * never a field that role could not read. `null` when the role may not read the document at all (a
 * public receiver and an enrollment) or it no longer exists.
 */
export async function snapshotFor(payload: Payload, role: ReceiverRole, collection: CollectionSlug, id: string): Promise<Record<string, unknown> | null> {
  const user = readerFor(role)
  const req = await createLocalReq({ user: user as never }, payload)
  const document = await payload.findByID({ collection, id, depth: 0, overrideAccess: false, disableErrors: true, req, user: user as never })
  return (document as Record<string, unknown> | null) ?? null
}

export async function buildEventBody(
  payload: Payload,
  delivery: { eventId: string; eventType: WebhookEvent; createdAt: Date; documentCollection: CollectionSlug; documentId: string; receiverRole: ReceiverRole },
): Promise<WebhookEventBody> {
  const numericId = /^\d+$/.test(delivery.documentId) ? Number(delivery.documentId) : delivery.documentId
  return {
    id: delivery.eventId,
    type: delivery.eventType,
    createdAt: delivery.createdAt.toISOString(),
    data: {
      collection: delivery.documentCollection,
      id: numericId,
      object: await snapshotFor(payload, delivery.receiverRole, delivery.documentCollection, delivery.documentId),
    },
  }
}
