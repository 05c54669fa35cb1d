import type { PayloadRequest } from 'payload'

import { ITEM_COLLECTIONS, type ItemCollection } from '../enrollment/statuses'
import { getClock } from '../utilities/clock'
import { type FollowUpOutcome, sendFollowUpsOf } from './send'

/** Items handled per tick and collection; the rest wait a minute (the oldest due go first). */
const ITEMS_PER_TICK = 25

export interface FollowUpRun {
  sent: number
  onHold: number
  failed: number
}

/**
 * The scheduled job's body (src/jobs/sendFollowUps.ts): every item whose follow-up is due and not yet
 * sent — scheduled, on hold (attendance may have been recorded since) or released — is handled.
 * `only` narrows it to one item (a release queues that at once). One item failing does not stop the others.
 */
export async function sendDueFollowUps(req: PayloadRequest, only?: { collection: ItemCollection; itemId: number }): Promise<FollowUpRun> {
  const now = getClock(req.payload).now()
  const run: FollowUpRun = { sent: 0, onHold: 0, failed: 0 }
  const targets: { collection: ItemCollection; itemId: number }[] = only ? [only] : []
  if (!only) {
    for (const collection of ITEM_COLLECTIONS) {
      const { docs } = await req.payload.find({
        collection,
        where: {
          and: [
            { 'followUp.dueAt': { less_than_equal: now.toISOString() } },
            { 'followUp.status': { in: ['scheduled', 'on_hold', 'released'] } },
            { status: { not_in: ['draft', 'cancelled'] } },
          ],
        },
        select: { title: true },
        sort: 'followUp.dueAt',
        limit: ITEMS_PER_TICK,
        depth: 0,
        overrideAccess: true,
        req,
      })
      targets.push(...docs.map((doc) => ({ collection, itemId: doc.id as number })))
    }
  }
  for (const target of targets) {
    let outcome: FollowUpOutcome
    try {
      outcome = await sendFollowUpsOf(req, target.collection, target.itemId)
    } catch (error) {
      // Logged and retried on the next tick; the dedupe keys keep the people already handled from a second email.
      req.payload.logger.error({ err: error, msg: 'Follow-ups of an item failed', ...target })
      run.failed += 1
      continue
    }
    if (outcome === 'sent') run.sent += 1
    if (outcome === 'on_hold') run.onHold += 1
  }
  return run
}
