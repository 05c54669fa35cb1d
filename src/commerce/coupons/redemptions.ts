import type { PayloadRequest } from 'payload'

import { sql, sqlFor } from '../../enrollment/transaction'

/**
 * Which enrollments hold one use of their coupon (docs/decisions/0018): every active one (a seat
 * waiting for payment, confirmed, or on the waiting list), and one that was paid and then ended
 * (cancelled or refunded: the discount was given). An unpaid hold that expires or is cancelled
 * before payment holds nothing, so its use comes back without any bookkeeping of its own.
 */
// A group attendee's seat that passed to someone else (src/commerce/bookingChanges) is one use, held by the replacement.
const HOLDS_A_USE = sql`(replaced_by_id IS NULL AND (status IN ('pending_payment', 'confirmed', 'waitlisted') OR payment_status IN ('paid', 'refunded')))`

/** Uses of `couponId` held now, in total and by `userId`'s enrollments. Exact only under the coupon's row lock. */
export async function countUses(req: PayloadRequest, couponId: number, userId: number | null): Promise<{ total: number; byPerson: number }> {
  const db = await sqlFor(req)
  const { rows } = await db.execute(sql`
    SELECT count(*) AS total, count(*) FILTER (WHERE user_id = ${userId ?? 0}) AS by_person
      FROM enrollments WHERE coupon_id = ${couponId} AND ${HOLDS_A_USE}`)
  return { total: Number(rows[0]?.total ?? 0), byPerson: Number(rows[0]?.by_person ?? 0) }
}

export interface RedemptionSummary {
  /** Uses held now (what the limit counts). */
  used: number
  /** Of those, seats still waiting for payment or on the waiting list. */
  pending: number
  /** Discount given on confirmed or paid seats, per currency. */
  discountGiven: { currency: string; amount: number }[]
}

/** What staff read on a coupon's page. */
export async function summarizeRedemptions(req: PayloadRequest, couponId: number): Promise<RedemptionSummary> {
  const db = await sqlFor(req)
  const { rows } = await db.execute(sql`
    SELECT count(*) AS used, count(*) FILTER (WHERE status IN ('pending_payment', 'waitlisted')) AS pending
      FROM enrollments WHERE coupon_id = ${couponId} AND ${HOLDS_A_USE}`)
  const { rows: given } = await db.execute(sql`
    SELECT currency, sum(discount) AS amount
      FROM enrollments
     WHERE coupon_id = ${couponId} AND replaced_by_id IS NULL AND (status = 'confirmed' OR payment_status IN ('paid', 'refunded'))
     GROUP BY currency ORDER BY currency`)
  return {
    used: Number(rows[0]?.used ?? 0),
    pending: Number(rows[0]?.pending ?? 0),
    discountGiven: given.map((row) => ({ currency: String(row.currency), amount: Number(row.amount ?? 0) })),
  }
}
