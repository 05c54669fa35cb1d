import { checkPrice } from '../payments/priceRules'
import type { LockedItem } from './items'

/**
 * Whether an item takes new enrollments now, from its status and dates together (docs/api-enrollment.md,
 * "When registration is open"). Open means: `published`, a start date set, and that start still
 * ahead. A course `in_progress` is under way whatever its dates say, and an item without a start
 * date has nothing to register for yet. A paid price that cannot be charged (saved before prices
 * were checked) closes it too, before any seat is taken or any payment is started.
 * Returns why it is closed, or null when it is open.
 */
export function registrationClosedReason(item: Pick<LockedItem, 'collection' | 'status' | 'startsAt' | 'price' | 'currency'>, now: Date): string | null {
  const noun = item.collection === 'webinars' ? 'webinar' : 'course'
  if (item.status === 'cancelled') return `This ${noun} has been cancelled.`
  if (item.status === 'completed') return `This ${noun} has already finished.`
  if (item.status === 'in_progress') return `This ${noun} is already under way and takes no new enrollments.`
  if (item.status !== 'published') return `This ${noun} is not open for registration.`
  if (!item.startsAt) return `This ${noun} has no start date yet; registration opens once it has one.`
  if (now >= item.startsAt) return `This ${noun} has already started.`
  if (item.price.tier !== 'free' && checkPrice(item.price.amount, item.currency) !== true) {
    return `This ${noun}'s price cannot be charged; registration reopens once staff correct it.`
  }
  return null
}
