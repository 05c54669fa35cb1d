import { sql } from '@payloadcms/db-postgres/drizzle'
import type { Payload } from 'payload'

import { deliverEmail } from '../../email/deliverEmail'
import { atClock } from './replay'

type Runner = { execute: (query: ReturnType<typeof sql>) => Promise<{ rows: Record<string, unknown>[] }> }
const drizzle = (payload: Payload) => (payload.db as unknown as { drizzle: Runner }).drizzle

export async function lastEmailId(payload: Payload): Promise<number> {
  const { rows } = await drizzle(payload).execute(sql`SELECT coalesce(max(id), 0) AS id FROM email_log`)
  return Number(rows[0]?.id ?? 0)
}

/**
 * The worker's part of the demo: every email the replayed history queued (ids above `after`) that
 * was due by now is handed to `deliverEmail`, the sendEmail task's own function, at the moment it
 * was due, so it is claimed, guarded, rendered, sent and marked `sent` as the worker does it. With
 * SMTP configured it really goes out; without, Payload's JSON transport takes it (development).
 * Reminders still ahead stay queued for the real worker. Should sending fail (SMTP down), the rest
 * stays queued for the worker too.
 */
export async function deliverDueEmails(payload: Payload, now: Date, after: number): Promise<void> {
  const { rows } = await drizzle(payload).execute(sql`
    SELECT id, coalesce(scheduled_for, created_at) AS due FROM email_log
     WHERE id > ${after} AND status = 'queued' AND coalesce(scheduled_for, created_at) <= ${now.toISOString()}::timestamptz
     ORDER BY due, id`)
  for (const row of rows) {
    try {
      const outcome = await atClock(payload, new Date(row.due as string), (req) => deliverEmail(req, Number(row.id)))
      if (outcome !== 'sent' && outcome !== 'cancelled') break
    } catch (error) {
      payload.logger.warn({ err: error, msg: 'Demo seed: an email could not be sent now; the worker will retry it.' })
      break
    }
  }
}
