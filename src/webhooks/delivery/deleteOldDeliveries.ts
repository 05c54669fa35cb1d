import type { Pool } from 'pg'
import type { TaskConfig } from 'payload'

import { getClock } from '../../utilities/clock'

/** The delivery log is kept this long (docs/webhooks.md "Deliveries"), counted from when the event happened. */
export const DELIVERY_RETENTION_DAYS = 30
const BATCH = 5_000

/** Daily: deletes deliveries (and their attempts, by cascade) older than 30 days by the app clock, a batch per statement. */
export const deleteOldWebhookDeliveriesTask: TaskConfig<{ input: Record<string, never>; output: { deleted: number } }> = {
  slug: 'deleteOldWebhookDeliveries',
  label: 'Delete old webhook deliveries',
  schedule: [{ cron: '47 4 * * *', queue: 'default' }],
  outputSchema: [{ name: 'deleted', type: 'number', required: true }],
  retries: 2,
  handler: async ({ req }) => {
    const cutoff = new Date(getClock(req.payload).now().getTime() - DELIVERY_RETENTION_DAYS * 24 * 60 * 60 * 1000)
    const pool = (req.payload.db as unknown as { pool: Pool }).pool
    let deleted = 0
    for (;;) {
      const { rowCount } = await pool.query('DELETE FROM webhook_deliveries WHERE id IN (SELECT id FROM webhook_deliveries WHERE created_at < $1 ORDER BY id LIMIT $2)', [cutoff, BATCH])
      deleted += rowCount ?? 0
      if (!rowCount || rowCount < BATCH) break
    }
    return { output: { deleted } }
  },
}
