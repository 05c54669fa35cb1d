import type { Payload } from 'payload'

import type { DashboardScope } from '../scope'
import { at, itemCondition, runSql, sql, toNumber } from '../sql'

export interface ShowRate {
  /** Webinars that already started (published or completed) with at least one confirmed registrant. */
  pastWebinars: number
  confirmed: number
  /** Confirmed registrants of those webinars recorded present (src/attendance). */
  attended: number
  /** attended / confirmed, 0–1; `null` when nobody was confirmed. */
  rate: number | null
  /** Course sessions that already started (courses neither draft nor cancelled) with confirmed students. */
  pastSessions: number
  /** One seat per confirmed student and past session. */
  sessionSeats: number
  /** Of those seats, the ones recorded present. */
  sessionsPresent: number
  /** sessionsPresent / sessionSeats, 0–1; `null` without seats. */
  courseRate: number | null
  /** Mean of every feedback rating (1–5) on webinars and courses; `null` without ratings. */
  averageRating: number | null
  ratings: number
}

/**
 * Show rate from the recorded attendance: past webinars (confirmed registrants with a present row) and
 * past course sessions (confirmed students × sessions started, present rows among them), plus the
 * average feedback rating, over the enrollments the scope allows. Two statements.
 */
export async function showRate(payload: Payload, scope: Pick<DashboardScope, 'now' | 'items'>): Promise<ShowRate> {
  const past = sql`(w.id IS NOT NULL AND w.deleted_at IS NULL AND w.status IN ('published', 'completed') AND w.starts_at < ${at(scope.now)} AND e.status = 'confirmed')`
  const present = sql`EXISTS (SELECT 1 FROM attendance a WHERE a.enrollment_id = e.id AND a.session_id IS NULL AND a.present)`
  const [[row], [courses]] = await Promise.all([
    runSql(
      payload,
      sql`
      SELECT count(DISTINCT w.id) FILTER (WHERE ${past}) AS past_webinars,
             count(*) FILTER (WHERE ${past}) AS confirmed,
             count(*) FILTER (WHERE ${past} AND ${present}) AS attended,
             avg(e.feedback_rating) AS average_rating,
             count(e.feedback_rating) AS ratings
        FROM enrollments e
        JOIN enrollments_rels r ON r.parent_id = e.id AND r.path = 'item'
        LEFT JOIN webinars w ON w.id = r.webinars_id
       WHERE ${itemCondition(scope.items)}`,
    ),
    runSql(
      payload,
      sql`
      SELECT count(DISTINCT s.id) AS past_sessions,
             count(*) AS seats,
             count(a.id) FILTER (WHERE a.present) AS present
        FROM enrollments e
        JOIN enrollments_rels r ON r.parent_id = e.id AND r.path = 'item'
        JOIN courses c ON c.id = r.courses_id AND c.deleted_at IS NULL AND c.status NOT IN ('draft', 'cancelled')
        JOIN courses_modules m ON m._parent_id = c.id
        JOIN courses_modules_sessions s ON s._parent_id = m.id AND s.date < ${at(scope.now)}
        LEFT JOIN attendance a ON a.enrollment_id = e.id AND a.session_id = s.id
       WHERE e.status = 'confirmed' AND ${itemCondition(scope.items)}`,
    ),
  ])
  const confirmed = toNumber(row?.confirmed)
  const attended = toNumber(row?.attended)
  const sessionSeats = toNumber(courses?.seats)
  const sessionsPresent = toNumber(courses?.present)
  return {
    pastWebinars: toNumber(row?.past_webinars),
    confirmed,
    attended,
    rate: confirmed ? attended / confirmed : null,
    pastSessions: toNumber(courses?.past_sessions),
    sessionSeats,
    sessionsPresent,
    courseRate: sessionSeats ? sessionsPresent / sessionSeats : null,
    averageRating: row?.average_rating === null || row?.average_rating === undefined ? null : Math.round(Number(row.average_rating) * 100) / 100,
    ratings: toNumber(row?.ratings),
  }
}
