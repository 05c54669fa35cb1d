import { NotFound, type PayloadRequest } from 'payload'

import { readItem } from '../../enrollment/items'
import { say } from '../../i18n/say'
import type { ItemCollection } from '../../enrollment/statuses'
import { couponCodeKey, normalizeCouponCode } from './code'
import { quoteSeat, withoutCoupon } from './pricing'
import { refusalMessage } from './refusals'
import { activeCouponIdFor } from './terms'

export interface PriceQuote {
  currency: string
  listPrice: number
  priceTier: string
  discount: number
  amount: number
  seats: number
  total: number
  /** What the code typed does here: applied, valid but not better than the early-bird price, or refused and why. Null without a code. */
  coupon: null | { code: string; valid: true; applied: boolean; message?: string } | { code: string; valid: false; reason: string; message: string }
}

/**
 * What a person would pay for `seats` seats of an item now, with the code they typed: the same rules
 * as the registration (src/commerce/coupons/pricing.ts), read without locks, so it can differ from
 * the registration a moment later only if someone else takes the last use in between. It speaks
 * only of the code given: an unknown and a switched-off code get the same answer, and nothing about
 * any other coupon is read.
 */
export async function quotePrice(req: PayloadRequest, collection: ItemCollection, itemId: number, { couponCode, seats }: { couponCode?: string; seats: number }): Promise<PriceQuote> {
  const item = await readItem(req, collection, itemId)
  if (!item) throw new NotFound(req.t)
  const key = couponCode ? couponCodeKey(couponCode) : null
  const couponId = key ? await activeCouponIdFor(req, key) : null
  const userId = req.user?.collection === 'users' ? Number(req.user.id) : null
  const priced = await quoteSeat(req, item, { couponId, userId, seats })
  const price = 'reason' in priced ? withoutCoupon(item) : priced
  const answer: PriceQuote = {
    currency: item.currency,
    listPrice: price.listPrice,
    priceTier: price.priceTier,
    discount: price.discount,
    amount: price.amount,
    seats,
    total: Number((price.amount * seats).toFixed(2)),
    coupon: null,
  }
  if (!couponCode) return answer
  const code = normalizeCouponCode(couponCode)
  if (couponId === null) return { ...answer, coupon: { code, valid: false, reason: 'unknown', message: refusalMessage(req, { reason: 'unknown' }) } }
  if ('reason' in priced) return { ...answer, coupon: { code, valid: false, reason: priced.reason, message: refusalMessage(req, priced) } }
  if (priced.couponId !== null) return { ...answer, coupon: { code, valid: true, applied: true } }
  return {
    ...answer,
    coupon: {
      code,
      valid: true,
      applied: false,
      message: say(
        req,
        item.price.tier === 'free'
          ? { es: 'Este curso o webinar es gratuito: el cupón no se usa.', en: 'This course or webinar is free: the coupon is not used.' }
          : { es: 'El precio de preventa ya es menor que el precio regular con este cupón: el cupón no se usa.', en: 'The early-bird price is already lower than the regular price with this coupon: the coupon is not used.' },
      ),
    },
  }
}
