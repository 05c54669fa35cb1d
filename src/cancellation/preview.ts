import type { PayloadRequest } from 'payload'

import type { ItemCollection } from '../enrollment/statuses'
import { sql, sqlFor } from '../enrollment/transaction'
import { currencyDecimals, toMinorUnits } from '../payments/money'

/** What cancelling an item would do now: the people whose enrollment ends and the money that goes back. */
export interface CancellationPreview {
  people: { confirmed: number; pending_payment: number; waitlisted: number; total: number }
  refunds: { count: number; amounts: { currency: string; amount: number }[] }
}

const itemColumn = (collection: ItemCollection) => (collection === 'webinars' ? sql`r.webinars_id` : sql`r.courses_id`)

/**
 * Counted in SQL inside the caller's transaction (the confirm endpoint holds the item row lock, so
 * no registration can change the numbers between the count and the cancellation). Refunds are the
 * active enrollments' succeeded payments, summed in minor units so no cent is lost to floating point.
 */
export async function cancellationPreview(req: PayloadRequest, collection: ItemCollection, itemId: number): Promise<CancellationPreview> {
  const db = await sqlFor(req)
  const { rows: statuses } = await db.execute(sql`
    SELECT e.status, count(*)::int AS n FROM enrollments e
      JOIN enrollments_rels r ON r.parent_id = e.id AND r.path = 'item'
     WHERE ${itemColumn(collection)} = ${itemId} AND e.status IN ('confirmed', 'pending_payment', 'waitlisted')
     GROUP BY e.status`)
  const count = (status: string) => Number(statuses.find((row) => row.status === status)?.n ?? 0)
  const people = { confirmed: count('confirmed'), pending_payment: count('pending_payment'), waitlisted: count('waitlisted'), total: 0 }
  people.total = people.confirmed + people.pending_payment + people.waitlisted

  const { rows: payments } = await db.execute(sql`
    SELECT p.amount, upper(p.currency) AS currency FROM payments p
      JOIN enrollments e ON e.id = p.enrollment_id
      JOIN enrollments_rels r ON r.parent_id = e.id AND r.path = 'item'
     WHERE ${itemColumn(collection)} = ${itemId} AND e.status IN ('confirmed', 'pending_payment', 'waitlisted') AND p.status = 'succeeded'`)
  const minorByCurrency = new Map<string, number>()
  for (const row of payments) {
    const currency = String(row.currency)
    minorByCurrency.set(currency, (minorByCurrency.get(currency) ?? 0) + toMinorUnits(Number(row.amount), currency))
  }
  const amounts = [...minorByCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, minor]) => ({ currency, amount: minor / 10 ** currencyDecimals(currency) }))
  return { people, refunds: { count: payments.length, amounts } }
}

/** Ids of the item's active enrollments, waitlisted first (nobody is promoted into a cancelled item), oldest first. */
export async function activeEnrollmentIds(req: PayloadRequest, collection: ItemCollection, itemId: number, limit: number): Promise<number[]> {
  const db = await sqlFor(req)
  const { rows } = await db.execute(sql`
    SELECT e.id FROM enrollments e
      JOIN enrollments_rels r ON r.parent_id = e.id AND r.path = 'item'
     WHERE ${itemColumn(collection)} = ${itemId} AND e.status IN ('confirmed', 'pending_payment', 'waitlisted')
     ORDER BY CASE e.status WHEN 'waitlisted' THEN 0 WHEN 'pending_payment' THEN 1 ELSE 2 END, e.created_at, e.id
     LIMIT ${limit}`)
  return rows.map((row) => Number(row.id))
}
