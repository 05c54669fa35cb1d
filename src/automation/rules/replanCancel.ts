import { sql } from '@payloadcms/db-postgres/drizzle'
import type { PayloadRequest } from 'payload'

import { drizzleFor, rowsOf } from '../../email/database'
import { getClock } from '../../utilities/clock'

/**
 * Cancels up to `limit` queued emails of a rule, oldest first, and says how many. Rows are found by
 * `rule` and by the rule's dedupe prefix: a deleted rule's rows have lost their `rule` link, and a
 * stock rule's rows queued before rules existed never had one. Rows being sent or sent stay as they are.
 */
export async function cancelRuleEmailsBatch(req: PayloadRequest, ruleId: number, prefix: string, reason: string, limit: number): Promise<number> {
  const db = await drizzleFor(req)
  const now = getClock(req.payload).now()
  const cancelled = rowsOf<{ id: number }>(
    await db.execute(sql`
      UPDATE email_log SET status = 'cancelled', last_error = ${reason}, updated_at = ${now}
       WHERE id IN (
         SELECT id FROM email_log
          WHERE status = 'queued' AND (rule_id = ${ruleId} OR starts_with(dedupe_key, ${`${prefix}:`}))
          ORDER BY id LIMIT ${limit})
         AND status = 'queued'
      RETURNING id`),
  )
  return cancelled.length
}

/**
 * Frees the dedupe keys of a rule's unsent rows for these enrollments, cancelling the queued ones:
 * the rule now sends another template, and the planner must queue it afresh under the same key
 * (a key never names the template or the offset, so a row already SENT keeps its key and is not sent again).
 */
export async function releaseRuleKeys(req: PayloadRequest, ruleId: number, prefix: string, enrollmentIds: number[]): Promise<number> {
  if (!enrollmentIds.length) return 0
  const db = await drizzleFor(req)
  const now = getClock(req.payload).now()
  const released = rowsOf<{ id: number }>(
    await db.execute(sql`
      UPDATE email_log
         SET dedupe_key = dedupe_key || '~replaced-' || id,
             status = 'cancelled',
             last_error = CASE WHEN status = 'queued' THEN 'the email rule now sends another email' ELSE last_error END,
             updated_at = ${now}
       WHERE status IN ('queued', 'cancelled')
         AND (rule_id = ${ruleId} OR rule_id IS NULL)
         AND split_part(dedupe_key, ':', 1) = ${prefix}
         AND split_part(dedupe_key, ':', 2) IN (${sql.join(enrollmentIds.map((id) => sql`${String(id)}`), sql`, `)})
         AND position('~replaced-' in dedupe_key) = 0
      RETURNING id`),
  )
  return released.length
}
