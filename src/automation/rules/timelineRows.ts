import { sql } from '@payloadcms/db-postgres/drizzle'
import type { PayloadRequest } from 'payload'

import { drizzleFor, rowsOf } from '../../email/database'
import type { ItemCollection } from '../../enrollment/statuses'

/** The email-log rows of one item's rule emails, counted per rule, anchor and status. */
export interface LoggedGroup {
  ruleId: number | null
  /** The dedupe prefix: a stock rule's key (rows queued before rules existed have no `rule`). */
  prefix: string
  templateKey: string
  /** What the key names after the enrollment: `<start ISO>` or `<session id>:<start ISO>`; '' when it names no moment. */
  anchor: string
  status: string
  count: number
  /** The earliest moment of the group: when it went out, or is due. */
  firstAt: Date | null
}

/**
 * One query: the item's enrollments' emails that a rule planned (`rule` set, or a stock rule's key
 * from before rules existed), grouped. A key released by re-planning (`~replaced-<id>`) counts with
 * the one that replaced it, under the same anchor.
 */
export async function loggedRuleEmails(req: PayloadRequest, collection: ItemCollection, itemId: number, stockPrefixes: string[]): Promise<LoggedGroup[]> {
  const db = await drizzleFor(req)
  const itemColumn = collection === 'webinars' ? sql`r.webinars_id` : sql`r.courses_id`
  const stock = stockPrefixes.length ? sql`split_part(l.dedupe_key, ':', 1) IN (${sql.join(stockPrefixes.map((prefix) => sql`${prefix}`), sql`, `)})` : sql`FALSE`
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      SELECT l.rule_id, split_part(l.dedupe_key, ':', 1) AS prefix, l.template_key, l.status,
             coalesce(substring(regexp_replace(l.dedupe_key, '~replaced-[0-9]+$', '') from '^[^:]+:[0-9]+:(.+)$'), '') AS anchor,
             count(*)::int AS count, min(coalesce(l.sent_at, l.scheduled_for, l.created_at)) AS first_at
        FROM email_log l
        JOIN email_log_rels lr ON lr.parent_id = l.id AND lr.path = 'relatedDocument' AND lr.enrollments_id IS NOT NULL
        JOIN enrollments_rels r ON r.parent_id = lr.enrollments_id AND r.path = 'item'
       WHERE ${itemColumn} = ${itemId} AND (l.rule_id IS NOT NULL OR ${stock})
       GROUP BY 1, 2, 3, 4, 5`),
  )
  return rows.map((row) => ({
    ruleId: row.rule_id == null ? null : Number(row.rule_id),
    prefix: String(row.prefix),
    templateKey: String(row.template_key),
    anchor: String(row.anchor ?? ''),
    status: String(row.status),
    count: Number(row.count),
    firstAt: row.first_at ? new Date(row.first_at as string) : null,
  }))
}

/** How many of the item's people each audience holds now (who a rule's email would go to). */
export async function audienceCounts(req: PayloadRequest, collection: ItemCollection, itemId: number): Promise<Record<string, number>> {
  const db = await drizzleFor(req)
  const itemColumn = collection === 'webinars' ? sql`r.webinars_id` : sql`r.courses_id`
  const rows = rowsOf<{ status: string; attended: boolean; count: number }>(
    await db.execute(sql`
      SELECT e.status, coalesce(e.attended, false) AS attended, count(*)::int AS count
        FROM enrollments e JOIN enrollments_rels r ON r.parent_id = e.id AND r.path = 'item'
       WHERE ${itemColumn} = ${itemId}
       GROUP BY 1, 2`),
  )
  const sum = (fits: (row: { status: string; attended: boolean }) => boolean) => rows.filter(fits).reduce((total, row) => total + Number(row.count), 0)
  return {
    confirmed: sum((row) => row.status === 'confirmed'),
    waitlisted: sum((row) => row.status === 'waitlisted'),
    enrolled: sum((row) => row.status === 'confirmed' || row.status === 'waitlisted'),
    attended: sum((row) => row.status === 'confirmed' && row.attended),
    no_shows: sum((row) => row.status === 'confirmed' && !row.attended),
  }
}
