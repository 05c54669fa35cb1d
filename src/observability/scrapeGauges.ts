import type { Payload } from 'payload'

import { getClock } from '../utilities/clock'
import { oldestDueEmailAgeSeconds, oldestDueJobAgeSeconds, poolOf } from './database'
import { databasePool, databaseUp, emailQueueLag, emails, jobQueueLag, jobs } from './metrics'

/**
 * Sets the gauges that describe the whole installation from the database, once per scrape: a few
 * grouped counts on indexed columns and two `min()`s. A failed query leaves `aula_db_up 0` and the
 * per-process series still answer.
 */
export async function refreshScrapeGauges(payload: Payload): Promise<void> {
  const pool = poolOf(payload)
  databasePool.set({ state: 'total' }, pool.totalCount)
  databasePool.set({ state: 'idle' }, pool.idleCount)
  databasePool.set({ state: 'in_use' }, pool.totalCount - pool.idleCount)
  databasePool.set({ state: 'waiting' }, pool.waitingCount)
  try {
    const now = getClock(payload).now()
    const [emailRows, jobRows, emailLag, jobLag] = await Promise.all([
      pool.query<{ status: string; count: number }>('SELECT status, count(*)::int AS count FROM email_log GROUP BY status'),
      pool.query<{ task: string | null; state: string; count: number }>(
        `SELECT task_slug AS task,
                CASE WHEN completed_at IS NOT NULL THEN 'completed' WHEN has_error THEN 'failed'
                     WHEN processing THEN 'processing' ELSE 'queued' END AS state,
                count(*)::int AS count
           FROM payload_jobs GROUP BY 1, 2`,
      ),
      oldestDueEmailAgeSeconds(pool, now),
      oldestDueJobAgeSeconds(pool, now),
    ])
    emails.reset()
    for (const row of emailRows.rows) emails.set({ status: row.status }, row.count)
    jobs.reset()
    for (const row of jobRows.rows) jobs.set({ task: row.task ?? 'workflow', state: row.state }, row.count)
    emailQueueLag.set(emailLag)
    jobQueueLag.set(jobLag)
    databaseUp.set(1)
  } catch {
    databaseUp.set(0)
  }
}
