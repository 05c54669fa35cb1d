import type { Payload } from 'payload'

import type { DashboardScope } from '../scope'
import { at, itemCondition, runSql, sql, toNumber } from '../sql'

export interface ShowRate {
  /** Webinars that already started (published or completed) with at least one confirmed registrant. */
  pastWebinars: number
  confirmed: number
  attended: number
  /** attended / confirmed, 0–1; `null` when nobody was confirmed. */
  rate: number | null
  /** Mean of every feedback rating (1–5) on webinars and courses; `null` without ratings. */
  averageRating: number | null
  ratings: number
}

/**
 * Show rate of past webinars (confirmed registrants marked as attended) and the average feedback
 * rating, in one statement over the enrollments the scope allows.
 */
export async function showRate(payload: Payload, scope: Pick<DashboardScope, 'now' | 'items'>): Promise<ShowRate> {
  const past = sql`(w.id IS NOT NULL AND w.deleted_at IS NULL AND w.status IN ('published', 'completed') AND w.starts_at < ${at(scope.now)} AND e.status = 'confirmed')`
  const [row] = await runSql(
    payload,
    sql`
    SELECT count(DISTINCT w.id) FILTER (WHERE ${past}) AS past_webinars,
           count(*) FILTER (WHERE ${past}) AS confirmed,
           count(*) FILTER (WHERE ${past} AND e.attended) AS attended,
           avg(e.feedback_rating) AS average_rating,
           count(e.feedback_rating) AS ratings
      FROM enrollments e
      JOIN enrollments_rels r ON r.parent_id = e.id AND r.path = 'item'
      LEFT JOIN webinars w ON w.id = r.webinars_id
     WHERE ${itemCondition(scope.items)}`,
  )
  const confirmed = toNumber(row?.confirmed)
  const attended = toNumber(row?.attended)
  return {
    pastWebinars: toNumber(row?.past_webinars),
    confirmed,
    attended,
    rate: confirmed ? attended / confirmed : null,
    averageRating: row?.average_rating === null || row?.average_rating === undefined ? null : Math.round(Number(row.average_rating) * 100) / 100,
    ratings: toNumber(row?.ratings),
  }
}
