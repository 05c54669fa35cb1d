import type { CollectionAfterChangeHook } from 'payload'

import type { ItemCollection } from '../../enrollment/statuses'
import { confirmedCancellation, defaultReason } from '../context'
import { queueCancellationJob } from '../runBatch'

/**
 * An item that became `cancelled` queues the job that ends its enrollments in batches, in the same
 * transaction as the status change. Queued on every such change, not only confirmed ones, so an
 * enrollment that slipped in during a plain status change is still ended (the job finds nobody otherwise).
 */
export const queueEnrollmentCancellation: CollectionAfterChangeHook = async ({ collection, doc, operation, previousDoc, req }) => {
  if (operation !== 'update' || doc.status !== 'cancelled' || previousDoc?.status === 'cancelled') return doc
  const slug = collection.slug as ItemCollection
  const reason = confirmedCancellation(req)?.reason ?? defaultReason(slug)
  await queueCancellationJob(req, { collection: slug, itemId: Number(doc.id), reason })
  return doc
}
