import { MINIMUM_CHARGE } from '../../payments/chargeLimits'
import { currencyDecimals } from '../../payments/money'

/** A coupon as the pricing rules read it (one row of `coupons`, plus what it applies to). */
export interface CouponTerms {
  id: number
  code: string
  discountType: 'percentage' | 'fixed'
  percentOff: number | null
  amountOff: number | null
  /** A fixed discount is in this currency and applies only to items sold in it. */
  currency: string | null
  appliesTo: 'all' | 'categories' | 'items'
  categoryIds: number[]
  items: { collection: string; id: number }[]
  validFrom: Date | null
  validUntil: Date | null
  maxRedemptions: number | null
  maxRedemptionsPerPerson: number | null
  combinesWithEarlyBird: boolean
}

/**
 * Why a code gives no discount on an item. `unknown` is also the answer for an inactive coupon, so
 * nobody learns that a code exists unless it works somewhere.
 */
export type CouponRefusal = 'unknown' | 'not_yet_valid' | 'expired' | 'not_for_this_item' | 'used_up'

export interface ItemForCoupon {
  collection: string
  id: number
  categoryId: number | null
  currency: string
}

/** The refusal that does not depend on how often the coupon was used, or null when it applies to this item now. */
export function refusalFor(coupon: CouponTerms, item: ItemForCoupon, now: Date): CouponRefusal | null {
  if (coupon.validFrom && now.getTime() < coupon.validFrom.getTime()) return 'not_yet_valid'
  if (coupon.validUntil && now.getTime() >= coupon.validUntil.getTime()) return 'expired'
  if (coupon.discountType === 'fixed' && coupon.currency?.toUpperCase() !== item.currency.toUpperCase()) return 'not_for_this_item'
  if (coupon.appliesTo === 'categories' && (item.categoryId === null || !coupon.categoryIds.includes(item.categoryId))) return 'not_for_this_item'
  if (coupon.appliesTo === 'items' && !coupon.items.some((each) => each.collection === item.collection && each.id === item.id)) return 'not_for_this_item'
  return null
}

/**
 * What the coupon takes off one seat priced `price`, rounded to the currency's smallest unit (half
 * up). Never more than the price; and when something is still charged it is at least the payment
 * provider's minimum charge (src/payments/chargeLimits.ts), so a 95% coupon on a small price leaves
 * a chargeable amount instead of a checkout that cannot be paid. Only 100% off (or a fixed amount
 * covering the whole price) makes a seat free.
 */
export function discountOn(coupon: Pick<CouponTerms, 'discountType' | 'percentOff' | 'amountOff'>, price: number, currency: string): number {
  const unit = 10 ** currencyDecimals(currency)
  const priceUnits = Math.round(price * unit)
  const wanted = coupon.discountType === 'percentage' ? Math.round((priceUnits * (coupon.percentOff ?? 0)) / 100) : Math.round((coupon.amountOff ?? 0) * unit)
  let discountUnits = Math.max(0, Math.min(wanted, priceUnits))
  const minimumUnits = Math.round((MINIMUM_CHARGE[currency.toUpperCase()] ?? 0) * unit)
  const leftUnits = priceUnits - discountUnits
  if (leftUnits > 0 && leftUnits < minimumUnits) discountUnits = Math.max(0, priceUnits - minimumUnits)
  return discountUnits / unit
}
