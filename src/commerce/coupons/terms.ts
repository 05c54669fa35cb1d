import type { PayloadRequest } from 'payload'

import { sql, sqlFor } from '../../enrollment/transaction'
import type { CouponTerms } from './rules'

const num = (value: unknown) => (value === null || value === undefined ? null : Number(value))
const date = (value: unknown) => (value ? new Date(value as string) : null)

/**
 * The active coupon `id` with what it applies to, or null when there is none (or it is switched off).
 * `lock: true` takes the coupon's row lock for the rest of the transaction (`FOR UPDATE`): every
 * redemption counts its uses under it, so two registrations anywhere cannot both take the last use.
 */
export async function loadCouponTerms(req: PayloadRequest, id: number, { lock }: { lock: boolean }): Promise<CouponTerms | null> {
  const db = await sqlFor(req)
  const { rows } = await db.execute(sql`
    SELECT id, code, discount_type, percent_off, amount_off, currency, applies_to, valid_from, valid_until,
           max_redemptions, max_redemptions_per_person, combines_with_early_bird
      FROM coupons WHERE id = ${id} AND active = true ${lock ? sql`FOR UPDATE` : sql``}`)
  const row = rows[0]
  if (!row) return null
  const terms: CouponTerms = {
    id: Number(row.id),
    code: String(row.code),
    discountType: row.discount_type === 'fixed' ? 'fixed' : 'percentage',
    percentOff: num(row.percent_off),
    amountOff: num(row.amount_off),
    currency: row.currency ? String(row.currency) : null,
    appliesTo: row.applies_to === 'categories' || row.applies_to === 'items' ? row.applies_to : 'all',
    categoryIds: [],
    items: [],
    validFrom: date(row.valid_from),
    validUntil: date(row.valid_until),
    maxRedemptions: num(row.max_redemptions),
    maxRedemptionsPerPerson: num(row.max_redemptions_per_person),
    combinesWithEarlyBird: Boolean(row.combines_with_early_bird),
  }
  if (terms.appliesTo !== 'all') {
    const { rows: targets } = await db.execute(sql`
      SELECT path, categories_id, webinars_id, courses_id FROM coupons_rels WHERE parent_id = ${id}`)
    for (const target of targets) {
      if (target.path === 'categories' && target.categories_id) terms.categoryIds.push(Number(target.categories_id))
      if (target.path === 'items' && target.webinars_id) terms.items.push({ collection: 'webinars', id: Number(target.webinars_id) })
      if (target.path === 'items' && target.courses_id) terms.items.push({ collection: 'courses', id: Number(target.courses_id) })
    }
  }
  return terms
}

/** The id of the active coupon stored under `code` (already normalized), or null. */
export async function activeCouponIdFor(req: PayloadRequest, code: string): Promise<number | null> {
  const db = await sqlFor(req)
  const { rows } = await db.execute(sql`SELECT id FROM coupons WHERE code = ${code} AND active = true LIMIT 1`)
  return rows[0] ? Number(rows[0].id) : null
}
