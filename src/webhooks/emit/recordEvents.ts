import type { CollectionAfterChangeHook } from 'payload'

import { enqueueWebhookEvent } from '../delivery/enqueue'
import type { WebhookEvent, WebhookEventCollection } from '../events'

/**
 * No reads of its own: `enrollment.created` runs on every public registration, and with no webhook
 * subscribed the enqueue answers from its cached subscription list without a statement (issue 21's budget).
 */
export const emitOnCreate =
  (type: WebhookEvent, collection: WebhookEventCollection): CollectionAfterChangeHook =>
  async ({ doc, operation, req }) => {
    if (operation === 'create') await enqueueWebhookEvent(req, { type, collection, id: doc.id })
    return doc
  }

/** When `status` becomes `status` (an update, or a record created already there). */
export const emitOnStatus =
  (status: string, type: WebhookEvent, collection: WebhookEventCollection): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, operation, req }) => {
    const before = operation === 'create' ? undefined : previousDoc?.status
    if (doc.status === status && before !== status) await enqueueWebhookEvent(req, { type, collection, id: doc.id })
    return doc
  }
