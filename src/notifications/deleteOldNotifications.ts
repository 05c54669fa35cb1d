import type { Pool } from 'pg'
import type { TaskConfig } from 'payload'

import { getClock } from '../utilities/clock'

/** A notification read this long ago has done its job; unread ones stay until their person reads them. */
export const READ_NOTIFICATION_RETENTION_DAYS = 90
const BATCH = 5_000

/**
 * Daily: deletes notifications read more than 90 days ago (by the app clock), a batch per statement on
 * the pool so a first run over a large table never holds one long lock.
 */
export const deleteOldNotificationsTask: TaskConfig<{ input: Record<string, never>; output: { deleted: number } }> = {
  slug: 'deleteOldNotifications',
  label: 'Delete old read notifications',
  schedule: [{ cron: '23 4 * * *', queue: 'default' }],
  outputSchema: [{ name: 'deleted', type: 'number', required: true }],
  retries: 2,
  handler: async ({ req }) => {
    const cutoff = new Date(getClock(req.payload).now().getTime() - READ_NOTIFICATION_RETENTION_DAYS * 24 * 60 * 60 * 1000)
    const pool = (req.payload.db as unknown as { pool: Pool }).pool
    let deleted = 0
    for (;;) {
      const { rowCount } = await pool.query('DELETE FROM notifications WHERE id IN (SELECT id FROM notifications WHERE read_at < $1 ORDER BY id LIMIT $2)', [cutoff, BATCH])
      deleted += rowCount ?? 0
      if (!rowCount || rowCount < BATCH) break
    }
    return { output: { deleted } }
  },
}
