import type { Payload } from 'payload'
import type { Pool } from 'pg'

/** Payload's pg pool: health and metrics read with plain, short queries outside any transaction. */
export const poolOf = (payload: Payload): Pool => (payload.db as unknown as { pool: Pool }).pool

const ageSeconds = (now: Date, since: Date | string | null | undefined) =>
  since ? Math.max(0, Math.round((now.getTime() - new Date(since).getTime()) / 1000)) : 0

/**
 * The oldest job a worker should have run by `now` (the app clock) and has not finished: due
 * (`waitUntil` passed or unset), not completed, not given up after its retries.
 */
export async function oldestDueJobAgeSeconds(pool: Pool, now: Date): Promise<number> {
  const { rows } = await pool.query<{ since: Date | null }>(
    `SELECT min(coalesce(wait_until, created_at)) AS since FROM payload_jobs
      WHERE completed_at IS NULL AND NOT coalesce(has_error, false) AND (wait_until IS NULL OR wait_until <= $1)`,
    [now],
  )
  return ageSeconds(now, rows[0]?.since)
}

/** The oldest email that is due and still waiting to be sent. */
export async function oldestDueEmailAgeSeconds(pool: Pool, now: Date): Promise<number> {
  const { rows } = await pool.query<{ since: Date | null }>(
    `SELECT min(coalesce(scheduled_for, created_at)) AS since FROM email_log
      WHERE status = 'queued' AND (scheduled_for IS NULL OR scheduled_for <= $1)`,
    [now],
  )
  return ageSeconds(now, rows[0]?.since)
}
