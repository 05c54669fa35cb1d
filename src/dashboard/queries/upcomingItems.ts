import type { Payload } from 'payload'

import type { DashboardScope } from '../scope'
import { at, itemCondition, ownItemCondition, runSql, sql, toNumber } from '../sql'

export interface UpcomingItem {
  collection: 'webinars' | 'courses'
  id: number
  title: string
  startsAt: string
  /** The item's own IANA zone (a webinar's `startsAt_tz`, a course's `timezone`); `null` = it has none: read it in the business zone. */
  timezone: string | null
  /** `null` = unlimited seats. */
  capacity: number | null
  seatsTaken: number
  waitlisted: number
  /** seatsTaken / capacity, 0–1; `null` without a capacity. */
  fill: number | null
  /** At least 90% full, or anyone on the waitlist: the item needs attention. */
  standsOut: boolean
}

export const NEARLY_FULL = 0.9

/**
 * When a course begins, as courseBegins (src/enrollment/items.ts) reads it: its first session, or the
 * first minute of a start day set before that session's day, in the course's zone. The stored day
 * (12:00 UTC) itself dropped a course from the list at 07:00 in Lima on the day of its 19:00 class.
 */
const courseBeginsSql = sql`
  SELECT CASE
           WHEN f.first IS NOT NULL AND (c.start_date IS NULL OR (f.first AT TIME ZONE f.zone)::date <= (c.start_date AT TIME ZONE 'UTC')::date) THEN f.first
           ELSE ((c.start_date AT TIME ZONE 'UTC')::date::timestamp AT TIME ZONE f.zone)
         END AS begins
    FROM (SELECT (SELECT MIN(s.date) FROM courses_modules m JOIN courses_modules_sessions s ON s._parent_id = m.id WHERE m._parent_id = c.id) AS first,
                 COALESCE(NULLIF(c.timezone, ''), 'America/Lima') AS zone) f`

/**
 * Published webinars and courses that have not started yet, soonest first, with their seat
 * counter (the one the enrollment engine keeps) and the size of their waitlist. One statement.
 */
export async function upcomingItems(payload: Payload, scope: Pick<DashboardScope, 'now' | 'items'>, limit = 8): Promise<UpcomingItem[]> {
  const now = at(scope.now)
  const rows = await runSql(
    payload,
    sql`
    WITH waitlist AS (
      SELECT r.webinars_id, r.courses_id, count(*) AS waitlisted
        FROM enrollments e
        JOIN enrollments_rels r ON r.parent_id = e.id AND r.path = 'item'
       WHERE e.status = 'waitlisted' AND ${itemCondition(scope.items)}
       GROUP BY r.webinars_id, r.courses_id
    ), upcoming AS (
      SELECT 'webinars' AS collection, w.id, w.title, w.starts_at AS starts_at, w.startsat_tz AS timezone, w.capacity, w.seats_taken
        FROM webinars w
       WHERE w.deleted_at IS NULL AND w.status = 'published' AND w.starts_at >= ${now}
         AND ${ownItemCondition(scope.items, 'webinars', 'w')}
      UNION ALL
      SELECT 'courses', c.id, c.title, b.begins, c.timezone, c.capacity, c.seats_taken
        FROM courses c
        CROSS JOIN LATERAL (${courseBeginsSql}) b
       WHERE c.deleted_at IS NULL AND c.status = 'published' AND b.begins >= ${now}
         AND ${ownItemCondition(scope.items, 'courses', 'c')}
    )
    SELECT u.*, coalesce(wl.waitlisted, 0) AS waitlisted
      FROM upcoming u
      LEFT JOIN waitlist wl
        ON (u.collection = 'webinars' AND wl.webinars_id = u.id) OR (u.collection = 'courses' AND wl.courses_id = u.id)
     ORDER BY u.starts_at, u.collection, u.id
     LIMIT ${limit}`,
  )
  return rows.map((row) => {
    const capacity = row.capacity === null ? null : toNumber(row.capacity)
    const seatsTaken = toNumber(row.seats_taken)
    const waitlisted = toNumber(row.waitlisted)
    const fill = capacity ? Math.min(1, seatsTaken / capacity) : capacity === 0 ? 1 : null
    return {
      collection: row.collection as UpcomingItem['collection'],
      id: Number(row.id),
      title: String(row.title),
      startsAt: new Date(row.starts_at as string).toISOString(),
      timezone: typeof row.timezone === 'string' && row.timezone ? row.timezone : null,
      capacity,
      seatsTaken,
      waitlisted,
      fill,
      standsOut: waitlisted > 0 || (fill !== null && fill >= NEARLY_FULL),
    }
  })
}
