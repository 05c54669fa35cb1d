import type { Payload } from 'payload'

import type { DashboardScope } from '../scope'
import { at, runSql, sql, toNumber } from '../sql'

export interface MonthRevenue {
  /** `YYYY-MM` (business zone). */
  month: string
  /** Net amount per ISO currency code, in the currency's major unit (as `payments.amount` stores it). */
  amounts: Record<string, number>
}

export const MONTHS = 12

/**
 * Net revenue per month and currency over the last 12 months: a payment counts in the month it
 * was made (`succeeded`, or later `refunded`), and a refund subtracts it again in the month it
 * was refunded (the row's last update): all of it, or what a partial refund gave back (`amount_refunded`). Currencies are never added together. One statement on
 * the `payments` table (`amount`, `amount_refunded`, `currency`, `status`, `created_at`, `updated_at`).
 */
export async function revenuePerMonth(payload: Payload, scope: Pick<DashboardScope, 'now' | 'timeZone'>): Promise<MonthRevenue[]> {
  const thisMonth = sql`date_trunc('month', ${at(scope.now)} AT TIME ZONE ${scope.timeZone})`
  const rows = await runSql(
    payload,
    sql`
    WITH months AS (
      SELECT generate_series(${thisMonth} - ${sql.raw(`interval '${MONTHS - 1} months'`)}, ${thisMonth}, interval '1 month') AS month
    ), movements AS (
      SELECT date_trunc('month', p.created_at AT TIME ZONE ${scope.timeZone}) AS month, upper(p.currency) AS currency, p.amount AS net
        FROM payments p WHERE p.status IN ('succeeded', 'refunded')
      UNION ALL
      SELECT date_trunc('month', p.updated_at AT TIME ZONE ${scope.timeZone}), upper(p.currency),
             -(CASE WHEN p.status = 'refunded' THEN p.amount ELSE p.amount_refunded END)
        FROM payments p WHERE p.status = 'refunded' OR (p.status = 'succeeded' AND p.amount_refunded > 0)
    )
    SELECT to_char(months.month, 'YYYY-MM') AS month, movements.currency, sum(movements.net) AS net
      FROM months LEFT JOIN movements ON movements.month = months.month
     GROUP BY months.month, movements.currency
     ORDER BY months.month, movements.currency`,
  )
  const byMonth = new Map<string, MonthRevenue>()
  for (const row of rows) {
    const month = String(row.month)
    const entry = byMonth.get(month) ?? { month, amounts: {} }
    if (row.currency) entry.amounts[String(row.currency)] = toNumber(row.net)
    byMonth.set(month, entry)
  }
  return [...byMonth.values()]
}
