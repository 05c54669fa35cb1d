import type { PayloadRequest } from 'payload'

import type { ItemCollection } from '../enrollment/statuses'
import { cancelEnrollmentOfCancelledItem, type EnrollmentOutcome } from './cancelEnrollment'
import { activeEnrollmentIds } from './preview'

export const CANCEL_ITEM_ENROLLMENTS_TASK = 'cancelItemEnrollments'

/** Enrollments per job run: each is its own small transaction, and a run stays well inside a worker tick. */
export const CANCELLATION_BATCH_SIZE = 50

export interface CancellationJobInput {
  collection: ItemCollection
  itemId: number
  reason: string
}

export interface BatchResult {
  cancelled: number
  refunding: number
  skipped: number
  failed: number
  remaining: number
}

/**
 * One batch of a cancelled item's active enrollments (none once the item is no longer cancelled). A failing enrollment is logged and left active
 * for the next run; the others go ahead. While some remain and this run made progress, the next batch
 * is queued; a run that moved nobody throws instead, so the queue's retries (with backoff) take over.
 */
export async function runCancellationBatch(req: PayloadRequest, input: CancellationJobInput): Promise<BatchResult> {
  const item = await req.payload.findByID({ collection: input.collection, id: input.itemId, depth: 0, overrideAccess: true, disableErrors: true, select: { status: true } })
  // Staff may reopen an item (status back to published) before the last batch: its new enrollments stay.
  if (item?.status !== 'cancelled') {
    req.payload.logger.info({ msg: `${input.collection} ${input.itemId} is no longer cancelled; its remaining enrollments are left alone` })
    return { cancelled: 0, refunding: 0, skipped: 0, failed: 0, remaining: 0 }
  }
  const ids = await activeEnrollmentIds(req, input.collection, input.itemId, CANCELLATION_BATCH_SIZE)
  const counts: Record<EnrollmentOutcome | 'failed', number> = { cancelled: 0, cancelled_and_refunding: 0, skipped: 0, failed: 0 }
  for (const id of ids) {
    try {
      counts[await cancelEnrollmentOfCancelledItem(req, id, input.reason)] += 1
    } catch (error) {
      counts.failed += 1
      req.payload.logger.error({ err: error, msg: `Could not cancel enrollment ${id} of cancelled ${input.collection} ${input.itemId}` })
    }
  }
  const remaining = (await activeEnrollmentIds(req, input.collection, input.itemId, 1)).length
  const result = { cancelled: counts.cancelled + counts.cancelled_and_refunding, refunding: counts.cancelled_and_refunding, skipped: counts.skipped, failed: counts.failed, remaining }
  if (!remaining) return result
  if (counts.failed === ids.length) {
    throw new Error(`None of ${ids.length} enrollments of ${input.collection} ${input.itemId} could be cancelled; retrying later.`)
  }
  await queueCancellationJob(req, input)
  return result
}

/** Queues the next batch (with `req` inside a transaction, so it commits with whatever queued it). */
export async function queueCancellationJob(req: PayloadRequest, input: CancellationJobInput): Promise<void> {
  await req.payload.jobs.queue({ task: CANCEL_ITEM_ENROLLMENTS_TASK, input, req })
}
