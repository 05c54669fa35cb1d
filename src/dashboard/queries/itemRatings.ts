import type { Payload } from 'payload'

import type { DashboardScope } from '../scope'
import { at, itemCondition, ownItemCondition, runSql, sql, toNumber } from '../sql'

export interface ItemRatingRow {
  collection: 'webinars' | 'courses'
  id: number
  title: string
  /** When it ended: a webinar's start + duration, a course's last session end (its end date without sessions). */
  endedAt: string
  /** The stored average (src/feedback), `null` before the first rating. */
  ratingAverage: number | null
  ratingCount: number
  /** Confirmed participants: how many could have answered. */
  confirmed: number
}

/**
 * The most recently finished webinars and courses (neither draft nor cancelled) with the rating the
 * feedback link keeps on each item, and how many confirmed people could have answered. One statement.
 */
export async function itemRatings(payload: Payload, scope: Pick<DashboardScope, 'now' | 'items'>, limit = 8): Promise<ItemRatingRow[]> {
  const now = at(scope.now)
  const rows = await runSql(
    payload,
    sql`
    WITH finished AS (
      SELECT 'webinars' AS collection, w.id, w.title, w.starts_at + make_interval(mins => coalesce(w.duration_minutes, 0)::int) AS ended_at, w.rating_average, w.rating_count
        FROM webinars w
       WHERE w.deleted_at IS NULL AND w.status NOT IN ('draft', 'cancelled') AND ${ownItemCondition(scope.items, 'webinars', 'w')}
      UNION ALL
      SELECT 'courses', c.id, c.title,
             coalesce((SELECT max(s.date + make_interval(mins => (coalesce(s.duration_hours, 2) * 60)::int))
                         FROM courses_modules m JOIN courses_modules_sessions s ON s._parent_id = m.id
                        WHERE m._parent_id = c.id), c.end_date),
             c.rating_average, c.rating_count
        FROM courses c
       WHERE c.deleted_at IS NULL AND c.status NOT IN ('draft', 'cancelled') AND ${ownItemCondition(scope.items, 'courses', 'c')}
    ), recent AS (
      SELECT * FROM finished WHERE ended_at < ${now} ORDER BY ended_at DESC, collection, id LIMIT ${limit}
    ), confirmed AS (
      SELECT r.webinars_id, r.courses_id, count(*) AS confirmed
        FROM enrollments e
        JOIN enrollments_rels r ON r.parent_id = e.id AND r.path = 'item'
       WHERE e.status = 'confirmed' AND ${itemCondition(scope.items)}
         AND (r.webinars_id IN (SELECT id FROM recent WHERE collection = 'webinars') OR r.courses_id IN (SELECT id FROM recent WHERE collection = 'courses'))
       GROUP BY r.webinars_id, r.courses_id
    )
    SELECT recent.*, coalesce(confirmed.confirmed, 0) AS confirmed
      FROM recent
      LEFT JOIN confirmed
        ON (recent.collection = 'webinars' AND confirmed.webinars_id = recent.id) OR (recent.collection = 'courses' AND confirmed.courses_id = recent.id)
     ORDER BY recent.ended_at DESC, recent.collection, recent.id`,
  )
  return rows.map((row) => ({
    collection: row.collection as ItemRatingRow['collection'],
    id: Number(row.id),
    title: String(row.title),
    endedAt: new Date(row.ended_at as string).toISOString(),
    ratingAverage: row.rating_average === null || row.rating_average === undefined ? null : Number(row.rating_average),
    ratingCount: toNumber(row.rating_count),
    confirmed: toNumber(row.confirmed),
  }))
}
