import type { Pool } from 'pg'
import type { TaskConfig } from 'payload'

/**
 * `rate_limits` gets a row per client address and email that tried a limited request; the limiter
 * only resets a row when the same key comes back. This removes rows whose window has ended, so
 * the table holds the last window's callers, not every caller ever. `expire` is the limiter's own
 * wall-clock time in milliseconds (it never reads Aula's clock), so the cut-off is wall-clock too.
 */
export const deleteExpiredRateLimitsTask: TaskConfig<'deleteExpiredRateLimits'> = {
  slug: 'deleteExpiredRateLimits',
  label: 'Delete expired rate-limit counters',
  schedule: [{ cron: '*/10 * * * *', queue: 'default' }],
  outputSchema: [{ name: 'deleted', type: 'number', required: true }],
  retries: 1,
  handler: async ({ req }) => {
    const pool = (req.payload.db as unknown as { pool: Pool }).pool
    const { rowCount } = await pool.query('DELETE FROM rate_limits WHERE expire IS NOT NULL AND expire < $1', [Date.now()])
    return { output: { deleted: rowCount ?? 0 } }
  },
}
