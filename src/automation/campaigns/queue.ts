import { sql } from '@payloadcms/db-postgres/drizzle'
import type { PayloadRequest } from 'payload'

import { rowsOf } from '../../email/database'
import { inTransaction, sqlFor } from '../../enrollment/transaction'

/**
 * Campaign work has a queue of its own: the worker runs the `default` queue (reminders, confirmations,
 * receipts) first on every tick and only then one campaign batch (src/jobs/runner/runWorkerTick.ts),
 * so a 20,000-person campaign never takes a transactional email's turn.
 */
export const CAMPAIGN_QUEUE = 'campaigns'
export const SEND_CAMPAIGN_BATCH_TASK = 'sendCampaignBatch'
/** Campaign batch jobs a worker runs per tick, after the default queue. */
export const CAMPAIGN_JOBS_PER_TICK = 1

/** 'camp' in ASCII: with the campaign id, names the lock under which a campaign's next batch is queued. */
const NEXT_BATCH_LOCK = 0x63616d70

/**
 * Queues the campaign's next batch unless one is already waiting or running. A campaign is ONE chain of
 * batch jobs: a batch queues the next as its last act, and a batch re-run after its worker died (its job
 * reclaimed, src/jobs/runner/claimDueJobs.ts) finds its successor already queued and does not start a
 * second chain. Two chains would still send nobody twice (each row is claimed), only waste work.
 */
export async function queueCampaignBatch(
  req: PayloadRequest,
  campaignId: number,
  { currentJobId, waitUntil }: { currentJobId?: number | string; waitUntil?: Date } = {},
): Promise<boolean> {
  return inTransaction(req, async () => {
    const db = await sqlFor(req)
    await db.execute(sql`SELECT pg_advisory_xact_lock(${NEXT_BATCH_LOCK}, ${campaignId})`)
    const waiting = rowsOf<{ id: number }>(
      await db.execute(sql`
        SELECT id FROM payload_jobs
         WHERE task_slug = ${SEND_CAMPAIGN_BATCH_TASK} AND (input->>'campaignId')::int = ${campaignId}
           AND completed_at IS NULL AND NOT COALESCE(has_error, false)
           AND id <> ${currentJobId === undefined ? -1 : Number(currentJobId)}
         LIMIT 1`),
    )
    if (waiting.length) return false
    await req.payload.jobs.queue({ task: SEND_CAMPAIGN_BATCH_TASK, input: { campaignId }, queue: CAMPAIGN_QUEUE, waitUntil, req } as never)
    return true
  })
}
