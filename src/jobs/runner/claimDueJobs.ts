import { sql } from '@payloadcms/db-postgres/drizzle'
import type { Payload } from 'payload'

import { poolDrizzle, rowsOf } from '../../email/database'

/**
 * A job left `processing` this long belongs to a runner that died (SIGKILL, OOM, a lost host):
 * it is claimed again. Every task here finishes in seconds (SMTP and Stripe time out far sooner),
 * and every task is idempotent, so a slow-but-alive runner finishing late does no harm.
 */
export const STALE_JOB_CLAIM_MS = 10 * 60 * 1000

/**
 * Marks up to `limit` due jobs of `queue` as `processing` in ONE statement and returns their ids.
 * `FOR UPDATE SKIP LOCKED` lets any number of workers claim at once: a row another worker is
 * claiming is skipped, never read twice, so each job goes to exactly one worker. Payload 3.88's own
 * runner reads the due jobs and then updates them one by one, so two runners both take a job
 * (docs/decisions/0006-parallel-workers.md). Times are real time, as Payload's `waitUntil` is.
 */
export async function claimDueJobs(payload: Payload, { queue, limit }: { queue: string; limit: number }): Promise<number[]> {
  const now = new Date()
  const staleBefore = new Date(now.getTime() - STALE_JOB_CLAIM_MS)
  const claimed = rowsOf<{ id: number }>(
    await poolDrizzle(payload).execute(sql`
      UPDATE payload_jobs
         SET processing = true, updated_at = ${now}
       WHERE id IN (
             SELECT id FROM payload_jobs
              WHERE queue = ${queue}
                AND completed_at IS NULL
                AND NOT COALESCE(has_error, false)
                AND (NOT COALESCE(processing, false) OR updated_at < ${staleBefore})
                AND (wait_until IS NULL OR wait_until < ${now})
              ORDER BY created_at, id
              LIMIT ${limit}
                FOR UPDATE SKIP LOCKED)
      RETURNING id`),
  )
  return claimed.map((row) => Number(row.id))
}
