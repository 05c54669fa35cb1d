import { sql, type SQL } from '@payloadcms/db-postgres/drizzle'
import type { PayloadRequest } from 'payload'

import { sqlFor } from '../../enrollment/transaction'
import { ERASED_EMAIL_DOMAIN } from '../erasure/pseudonym'

/** One person with no activity since `lastActivityAt`: an account, or an address known only from leads. */
export interface InactivePerson {
  kind: 'user' | 'lead'
  id: number
  name: string
  email: string
  lastActivityAt: string
}

/** Subtracts whole calendar years (29 February becomes 28 February in a common year, as people count). */
export function yearsBefore(now: Date, years: number): Date {
  const cutoff = new Date(now)
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years)
  if (cutoff.getUTCDate() !== now.getUTCDate()) cutoff.setUTCDate(0)
  return cutoff
}

/**
 * Everyone with their latest sign of life: an account's creation, login (audit log and sessions),
 * enrollments, payments, interactions on a lead with their address, and emails sent to them. Staff
 * (any role but student) and erased people are left out; leads count only for addresses with no
 * account (an account's leads are part of it).
 */
const PEOPLE = sql`
  WITH lead_people AS (
    SELECT lower(l.email) AS email, max(l.id) AS id,
           GREATEST(max(l.created_at), max(l.last_contacted_at), max(l.converted_at), max(i.at)) AS last_activity
      FROM leads l LEFT JOIN leads_interactions i ON i._parent_id = l.id
     WHERE l.email NOT LIKE ${`%@${ERASED_EMAIL_DOMAIN}`}
       AND NOT EXISTS (SELECT 1 FROM users u WHERE lower(u.email) = lower(l.email))
     GROUP BY lower(l.email)
  ),
  people AS (
    SELECT 'user' AS kind, u.id, concat_ws(' ', u.first_name, u.last_name) AS name, u.email,
           GREATEST(
             u.created_at,
             (SELECT max(a.created_at) FROM audit_log a WHERE a.actor_id = u.id AND a.action = 'login'),
             (SELECT max(s.created_at) FROM users_sessions s WHERE s._parent_id = u.id),
             (SELECT max(e.created_at) FROM enrollments e WHERE e.user_id = u.id),
             (SELECT max(p.created_at) FROM payments p WHERE p.user_id = u.id),
             (SELECT max(i.at) FROM leads l JOIN leads_interactions i ON i._parent_id = l.id WHERE lower(l.email) = lower(u.email)),
             (SELECT max(m.sent_at) FROM email_log m WHERE lower(m."to") = lower(u.email))
           ) AS last_activity
      FROM users u
     WHERE u.erased_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM users_roles r WHERE r.parent_id = u.id AND r.value::text <> 'student')
    UNION ALL
    SELECT 'lead', lp.id, concat_ws(' ', l.first_name, l.last_name), l.email,
           GREATEST(lp.last_activity, (SELECT max(m.sent_at) FROM email_log m WHERE lower(m."to") = lp.email))
      FROM lead_people lp JOIN leads l ON l.id = lp.id
  )`

const inactiveSince = (cutoff: Date): SQL => sql`${PEOPLE} SELECT * FROM people WHERE last_activity < ${cutoff.toISOString()}`

const toPerson = (row: Record<string, unknown>): InactivePerson => ({
  kind: row.kind === 'lead' ? 'lead' : 'user',
  id: Number(row.id),
  name: String(row.name ?? ''),
  email: String(row.email ?? ''),
  lastActivityAt: new Date(String(row.last_activity)).toISOString(),
})

/** How many people had no activity since `cutoff`, and the first `limit` of them, longest inactive first. */
export async function findInactivePeople(req: PayloadRequest, cutoff: Date, limit: number): Promise<{ total: number; people: InactivePerson[] }> {
  const db = await sqlFor(req)
  const { rows: counted } = await db.execute(sql`SELECT count(*)::int AS total FROM (${inactiveSince(cutoff)}) inactive`)
  const { rows } = await db.execute(sql`SELECT * FROM (${inactiveSince(cutoff)}) inactive ORDER BY last_activity, kind, id LIMIT ${limit}`)
  return { total: Number(counted[0]?.total ?? 0), people: rows.map(toPerson) }
}
