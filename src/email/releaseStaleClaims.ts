import { sql } from '@payloadcms/db-postgres/drizzle'
import { createLocalReq, type Payload } from 'payload'

import { getClock } from '../utilities/clock'
import { poolDrizzle, rowsOf } from './database'
import { queueSendJob } from './queueEmail'
import { STALE_CLAIM_MS } from './statuses'

/**
 * What a worker that died mid-batch leaves behind, put back in the queue (docs/decisions/0003):
 *
 * - a row `sending` for longer than STALE_CLAIM_MS: claimed by the dead worker. It goes back to
 *   `queued` with a new job. If that worker had in fact handed the message to SMTP before dying, it
 *   goes out twice, with the same Message-ID: the documented at-least-once window.
 * - a row `queued` and due, untouched for STALE_CLAIM_MS, with no job that can still run it: Payload
 *   marks a whole batch of jobs `processing` before running them one by one, and never looks at a
 *   `processing` job again, so the rest of a dead worker's batch would wait forever. It gets a new job.
 *
 * Either way the claim still decides who sends, so a job too many never sends twice.
 *
 * A campaign's rows are different (docs/decisions/0024-campaign-sending.md): a campaign goes at most
 * once per person, so a row its dead worker left `sending` is marked `failed` (it may or may not have
 * reached the person; it is not sent again), and its `queued` rows are left to the campaign's own next
 * batch, never given a job on the default queue.
 */
export async function releaseStaleEmailClaims(payload: Payload): Promise<number[]> {
  const now = getClock(payload).now()
  const staleBefore = new Date(now.getTime() - STALE_CLAIM_MS)
  const db = poolDrizzle(payload)
  const reclaimed = rowsOf<{ id: number }>(
    await db.execute(sql`
      UPDATE email_log
         SET status = 'queued', claimed_at = NULL, updated_at = ${now},
             last_error = 'Released after a worker stopped mid-send'
       WHERE status = 'sending' AND claimed_at < ${staleBefore} AND campaign_id IS NULL
      RETURNING id`),
  ).map((row) => Number(row.id))
  const orphaned = rowsOf<{ id: number }>(
    await db.execute(sql`
      UPDATE email_log e
         SET updated_at = ${now}
       WHERE e.status = 'queued' AND e.campaign_id IS NULL
         AND (e.scheduled_for IS NULL OR e.scheduled_for <= ${now})
         AND e.updated_at < ${staleBefore}
         AND NOT EXISTS (
               SELECT 1 FROM payload_jobs j
                WHERE j.task_slug = 'sendEmail' AND (j.input->>'emailLogId')::int = e.id
                  AND j.completed_at IS NULL AND NOT COALESCE(j.has_error, false) AND NOT COALESCE(j.processing, false))
      RETURNING e.id`),
  ).map((row) => Number(row.id))
  const interrupted = rowsOf<{ id: number }>(
    await db.execute(sql`
      UPDATE email_log
         SET status = 'failed', claimed_at = NULL, updated_at = ${now},
             last_error = 'A worker stopped while sending this campaign email; not sent again (campaigns go at most once)'
       WHERE status = 'sending' AND claimed_at < ${staleBefore} AND campaign_id IS NOT NULL
      RETURNING id`),
  ).map((row) => Number(row.id))
  if (interrupted.length) payload.logger.warn({ msg: 'Campaign emails left mid-send by a stopped worker, marked failed', interrupted })
  const released = [...reclaimed, ...orphaned]
  if (released.length) {
    const req = await createLocalReq({}, payload)
    for (const id of released) await queueSendJob(req, id)
    payload.logger.warn({ msg: 'Put emails left by a stopped worker back in the queue', sending: reclaimed, queuedWithoutJob: orphaned })
  }
  return released
}
