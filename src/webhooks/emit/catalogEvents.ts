import type { CollectionAfterChangeHook } from 'payload'

import { enqueueWebhookEvent } from '../delivery/enqueue'

/** An editor saving five times in a minute makes one `*.updated` (the latest state): a website's rebuild is not stormed. */
export const UPDATE_GROUPING_SECONDS = 60

/**
 * `webinar.*` / `course.*`: published when the status becomes `published`, cancelled when it becomes
 * `cancelled`, updated for any other save of an item that is or was just published (so `published → completed`
 * is an update). Drafts say nothing; neither does moving an item to the trash.
 */
export const emitCatalogEvents =
  (kind: 'webinar' | 'course', collection: 'webinars' | 'courses'): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, operation, req }) => {
    if (doc.deletedAt) return doc
    const before = operation === 'create' ? undefined : previousDoc?.status
    const after = doc.status
    const id = doc.id
    if (after === 'published' && before !== 'published') await enqueueWebhookEvent(req, { type: `${kind}.published`, collection, id })
    else if (after === 'cancelled' && before !== 'cancelled') await enqueueWebhookEvent(req, { type: `${kind}.cancelled`, collection, id })
    else if (operation === 'update' && (after === 'published' || before === 'published')) {
      await enqueueWebhookEvent(req, { type: `${kind}.updated`, collection, id, groupForSeconds: UPDATE_GROUPING_SECONDS })
    }
    return doc
  }
