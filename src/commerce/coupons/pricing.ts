import type { PayloadRequest } from 'payload'

import { checkRole } from '../../access'
import type { LockedItem } from '../../enrollment/items'
import type { PriceTier } from '../../enrollment/statuses'
import { sql, sqlFor } from '../../enrollment/transaction'
import { currencyDecimals } from '../../payments/money'
import { getClock } from '../../utilities/clock'
import { couponCodeKey } from './code'
import { countUses } from './redemptions'
import { couponCodeError, type Refusal } from './refusals'
import { discountOn, refusalFor, type CouponTerms } from './rules'
import { activeCouponIdFor, loadCouponTerms } from './terms'

/** What one seat costs: the price before the coupon, the discount it gives, and what is charged. */
export interface SeatPrice {
  /** The price the coupon was applied to (the early-bird or regular price), per seat. */
  listPrice: number
  priceTier: PriceTier
  /** What the coupon takes off, per seat (0 without a coupon). */
  discount: number
  /** What is charged per seat: listPrice − discount. */
  amount: number
  /** The coupon redeemed, or null when none is (no code, a free item, or the early-bird price is better). */
  couponId: number | null
}

export interface SeatPriceOptions {
  couponId?: number | null
  /** The person taking the seat, for the per-person limit; null skips it (each attendee's enrollment checks its own). */
  userId?: number | null
  /** How many seats this purchase takes with the coupon (a group: N); the total limit counts them all. Default 1. */
  seats?: number
}

/**
 * The price of one seat of `item`, called under the item's row lock inside the registration's
 * transaction. With a coupon it locks the coupon's row after the item's (lock order item → coupon,
 * docs/decisions/0018), counts the uses held under that lock, and refuses with a 400 on `couponCode`
 * (reason `not_yet_valid`, `expired`, `not_for_this_item`, `used_up` or `unknown`) a coupon that
 * gives nothing here. Exact under concurrency on any number of app instances.
 */
export async function priceSeat(req: PayloadRequest, item: LockedItem, options: SeatPriceOptions = {}): Promise<SeatPrice> {
  const priced = await priceWithCoupon(req, item, { ...options, lock: true })
  if ('reason' in priced) throw couponCodeError(req, speaksAboutThePerson(req, options.userId) ? priced : { reason: priced.reason })
  return priced
}

/**
 * Only the person (signed in) and staff learn that it is the per-person limit: anyone else registering
 * an email would otherwise learn that its owner has used this coupon. They read the plain `used_up`.
 */
const speaksAboutThePerson = (req: PayloadRequest, userId: number | null | undefined) =>
  checkRole(['admin', 'editor', 'sales'], req.user) || (userId != null && req.user?.collection === 'users' && Number(req.user.id) === userId)

/**
 * The id of the active coupon with this code (trimmed, any case), or a 400 on `couponCode` that
 * says the same for a malformed, unknown and inactive code and reveals nothing about any coupon.
 */
export async function findCouponForCode(req: PayloadRequest, code: string): Promise<number> {
  const key = couponCodeKey(code)
  const id = key ? await activeCouponIdFor(req, key) : null
  if (id === null) throw couponCodeError(req, { reason: 'unknown' })
  return id
}

/** Like `priceSeat` for a quote: no lock, and the refusal returned instead of thrown. */
export const quoteSeat = (req: PayloadRequest, item: LockedItem, options: SeatPriceOptions) => priceWithCoupon(req, item, { ...options, lock: false })

/** The seat at the item's own price, no coupon. */
export const withoutCoupon = (item: LockedItem): SeatPrice => ({
  listPrice: item.price.amount,
  priceTier: item.price.tier,
  discount: 0,
  amount: item.price.amount,
  couponId: null,
})

async function priceWithCoupon(req: PayloadRequest, item: LockedItem, options: SeatPriceOptions & { lock: boolean }): Promise<SeatPrice | Refusal> {
  if (!options.couponId) return withoutCoupon(item)
  const coupon = await loadCouponTerms(req, options.couponId, { lock: options.lock })
  if (!coupon) return { reason: 'unknown' }
  const facts = await itemFacts(req, item)
  const refusal = refusalFor(coupon, { collection: item.collection, id: item.id, categoryId: facts.categoryId, currency: item.currency }, getClock(req.payload).now())
  if (refusal) return { reason: refusal }
  const offer = bestOffer(coupon, item, facts.regularPrice)
  if (offer.couponId === null) return offer
  const uses = await countUses(req, coupon.id, options.userId ?? null)
  if (coupon.maxRedemptions !== null && uses.total + (options.seats ?? 1) > coupon.maxRedemptions) return { reason: 'used_up' }
  if (options.userId && coupon.maxRedemptionsPerPerson !== null && uses.byPerson + 1 > coupon.maxRedemptionsPerPerson) return { reason: 'used_up', byPerson: true }
  return offer
}

/**
 * The coupon on the price the item sells at now. A coupon that does not combine with the early-bird
 * price applies to the regular price instead, and the person pays whichever is lower (on a tie,
 * the early-bird price, and the coupon is not used). A coupon that gives nothing (a free item) is not used.
 */
function bestOffer(coupon: CouponTerms, item: LockedItem, regularPrice: number): SeatPrice {
  if (item.price.tier === 'free') return withoutCoupon(item)
  const onCurrent = seatWith(coupon, item.price.tier, item.price.amount, item.currency)
  if (item.price.tier !== 'early_bird' || coupon.combinesWithEarlyBird) return onCurrent
  const onRegular = seatWith(coupon, 'regular', regularPrice, item.currency)
  return onRegular.couponId !== null && onRegular.amount < item.price.amount ? onRegular : withoutCoupon(item)
}

function seatWith(coupon: CouponTerms, priceTier: PriceTier, listPrice: number, currency: string): SeatPrice {
  const discount = discountOn(coupon, listPrice, currency)
  return { listPrice, priceTier, discount, amount: roundTo(listPrice - discount, currency), couponId: discount > 0 ? coupon.id : null }
}

const roundTo = (value: number, currency: string) => Number(value.toFixed(currencyDecimals(currency)))

/** The item's category and regular price (the locked item carries the price it sells at now). */
async function itemFacts(req: PayloadRequest, item: LockedItem): Promise<{ categoryId: number | null; regularPrice: number }> {
  const db = await sqlFor(req)
  const { rows } = await db.execute(
    item.collection === 'webinars'
      ? sql`SELECT category_id, price AS regular_price FROM webinars WHERE id = ${item.id}`
      : sql`SELECT category_id, regular_price FROM courses WHERE id = ${item.id}`,
  )
  const row = rows[0] ?? {}
  return { categoryId: row.category_id ? Number(row.category_id) : null, regularPrice: Number(row.regular_price ?? 0) }
}
