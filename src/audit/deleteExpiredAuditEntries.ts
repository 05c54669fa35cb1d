import type { Pool } from 'pg'
import type { TaskConfig } from 'payload'

import { getPrivacySettings } from '../settings/privacySettings'
import { getClock } from '../utilities/clock'

const BATCH = 5_000

/** Entries are kept for the years set in privacy-settings (default 2), counted back from the app clock's now. */
export function auditCutoff(now: Date, retentionYears: number): Date {
  const cutoff = new Date(now)
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - retentionYears)
  return cutoff
}

/**
 * Deletes audit entries older than the retention period, a batch at a time on the pool (each batch
 * its own short statement, so a first run over years of entries never holds one long lock). The
 * only deletion of entries besides nothing: the API and the admin cannot (docs/audit.md).
 */
export const deleteExpiredAuditEntriesTask: TaskConfig<{ input: Record<string, never>; output: { deleted: number } }> = {
  slug: 'deleteExpiredAuditEntries',
  label: 'Delete expired audit log entries',
  schedule: [{ cron: '41 3 * * *', queue: 'default' }],
  outputSchema: [{ name: 'deleted', type: 'number', required: true }],
  retries: 2,
  handler: async ({ req }) => {
    const { auditRetentionYears } = await getPrivacySettings(req.payload)
    const cutoff = auditCutoff(getClock(req.payload).now(), auditRetentionYears)
    const pool = (req.payload.db as unknown as { pool: Pool }).pool
    let deleted = 0
    for (;;) {
      const { rowCount } = await pool.query('DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log WHERE created_at < $1 ORDER BY id LIMIT $2)', [cutoff, BATCH])
      deleted += rowCount ?? 0
      if (!rowCount || rowCount < BATCH) break
    }
    return { output: { deleted } }
  },
}
