import type { Payload } from 'payload'

import type { DashboardScope } from '../scope'
import { at, itemCondition, runSql, sql, toNumber } from '../sql'

export interface WeekCount {
  /** Monday of the week (business zone), `YYYY-MM-DD`. */
  week: string
  registrations: number
}

export const WEEKS = 12

/**
 * Enrollments created per ISO week (Monday–Sunday, business zone) over the last 12 weeks, the current one
 * included, whatever their status today: a registration that was later cancelled still happened.
 * Weeks without any come back as 0. One statement.
 */
export async function registrationsPerWeek(payload: Payload, scope: Pick<DashboardScope, 'now' | 'timeZone' | 'items'>): Promise<WeekCount[]> {
  const thisWeek = sql`date_trunc('week', ${at(scope.now)} AT TIME ZONE ${scope.timeZone})`
  const rows = await runSql(
    payload,
    sql`
    WITH weeks AS (
      SELECT generate_series(${thisWeek} - ${sql.raw(`interval '${WEEKS - 1} weeks'`)}, ${thisWeek}, interval '1 week') AS week
    ), counted AS (
      SELECT date_trunc('week', e.created_at AT TIME ZONE ${scope.timeZone}) AS week, count(*) AS registrations
        FROM enrollments e
        JOIN enrollments_rels r ON r.parent_id = e.id AND r.path = 'item'
       WHERE e.created_at >= (${thisWeek} - ${sql.raw(`interval '${WEEKS - 1} weeks'`)}) AT TIME ZONE ${scope.timeZone}
         AND e.created_at < ${at(scope.now)}
         AND ${itemCondition(scope.items)}
       GROUP BY 1
    )
    SELECT to_char(weeks.week, 'YYYY-MM-DD') AS week, coalesce(counted.registrations, 0) AS registrations
      FROM weeks LEFT JOIN counted ON counted.week = weeks.week
     ORDER BY weeks.week`,
  )
  return rows.map((row) => ({ week: String(row.week), registrations: toNumber(row.registrations) }))
}
