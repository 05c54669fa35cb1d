import { APIError, type CollectionBeforeChangeHook, NotFound, type PayloadRequest } from 'payload'

import { priceSeat } from '../../../commerce/coupons/pricing'
import { assertOpenForRegistration, changeSeatsTaken, hasFreeSeat, lockAnyItem, lockItem, readItemForRegistration } from '../../../enrollment/items'
import { guessSeat, seatDecidedAtCommit, timedItemLock } from '../../../enrollment/seatAtCommit'
import { holdsSeat, isActive, type ItemCollection } from '../../../enrollment/statuses'
import { notifyIfWaitlistForming } from '../../../notifications/triggers/seats'
import { sql, sqlFor } from '../../../enrollment/transaction'
import { say } from '../../../i18n/say'
import { getClock } from '../../../utilities/clock'

type ItemRef = { relationTo: ItemCollection; value: number | { id: number } }

const itemRef = (item: unknown): { collection: ItemCollection; id: number } | null => {
  const ref = item as ItemRef | undefined
  if (!ref?.relationTo || ref.value === undefined || ref.value === null) return null
  return { collection: ref.relationTo, id: typeof ref.value === 'object' ? ref.value.id : Number(ref.value) }
}
const relationId = (value: unknown) => (value === null || value === undefined || value === '' ? null : typeof value === 'object' ? (value as { id: number }).id : Number(value))
const userId = (user: unknown) => (typeof user === 'object' && user ? (user as { id: number }).id : Number(user))

/**
 * Every seat rule in one place, run inside the transaction of whatever changes an enrollment (the
 * website's register endpoint, an admin's form, a cancellation, a promotion, a payment webhook).
 * It locks the item's row, so the seat counter on the item is only ever changed by one
 * transaction at a time, and refuses anything that would overbook.
 */
export const applySeatRules: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  if (operation === 'create') return applyToNewEnrollment(req, data)
  const previous = originalDoc?.status as string | undefined
  const next = (data.status ?? previous) as string
  const ref = itemRef(originalDoc?.item)
  if (next !== previous && ref) {
    const item = await lockAnyItem(req, ref.collection, ref.id)
    if (item && holdsSeat(previous) && !holdsSeat(next)) {
      await changeSeatsTaken(req, item, -1)
      req.context.freedSeat = ref
    }
    if (item && !holdsSeat(previous) && holdsSeat(next)) {
      if (!hasFreeSeat(item)) throw new APIError(say(req, { es: 'No queda ningún cupo libre para esta inscripción.', en: 'There is no free seat left for this enrollment.' }), 409, undefined, true)
      await changeSeatsTaken(req, item, 1)
    }
    if ((next === 'cancelled' || next === 'refunded') && !originalDoc?.cancelledAt) {
      data.cancelledAt = getClock(req.payload).now().toISOString()
    }
  }
  data.activeKey = ref && isActive(next) ? `${ref.collection}:${ref.id}:${userId(originalDoc?.user)}` : null
  return data
}

async function applyToNewEnrollment(req: PayloadRequest, data: Record<string, any>) {
  const ref = itemRef(data.item)
  if (!ref) return data
  // A public registration without a coupon reads the item unlocked and takes its seat at commit
  // (src/enrollment/seatAtCommit.ts, docs/decisions/0030); everything else locks the item first. A
  // coupon's row is locked after the item's (lock order item → coupon, docs/decisions/0018), so a
  // registration with a coupon keeps the lock-first order.
  const atCommit = seatDecidedAtCommit(req) && !relationId(data.coupon) && !req.context.seatPassedOn
  const activeKey = `${ref.collection}:${ref.id}:${userId(data.user)}`
  // Unlocked, the person's active enrollment comes with the item's row in one statement; locked, it is read after the lock.
  const read = atCommit ? await readItemForRegistration(req, ref.collection, ref.id, activeKey) : null
  const item = read ? read.item : await timedItemLock(req, () => lockItem(req, ref.collection, ref.id))
  if (!item) throw new NotFound(req.t)
  // A replaced group attendee's seat passing to someone else (src/commerce/bookingChanges) was sold already:
  // the registration window, a new price and Stripe do not apply; the status and frozen price carry over.
  const passedOn = req.context.seatPassedOn as Record<string, unknown> | undefined
  if (!passedOn) assertOpenForRegistration(req, item)
  const activeEnrollmentId = read ? read.activeEnrollmentId : await activeEnrollmentFor(req, activeKey)
  if (activeEnrollmentId !== null) {
    throw new APIError(
      say(req, { es: `Esta persona ya tiene una inscripción activa (id ${activeEnrollmentId}) en este curso o webinar.`, en: `This person already has an active enrollment (id ${activeEnrollmentId}) for this item.` }),
      409,
      { enrollmentId: activeEnrollmentId },
      true,
    )
  }
  if (passedOn) {
    if (!hasFreeSeat(item)) throw new APIError(say(req, { es: 'No queda ningún cupo libre para esta inscripción.', en: 'There is no free seat left for this enrollment.' }), 409, undefined, true)
    await changeSeatsTaken(req, item, 1)
    return { ...data, ...passedOn, activeKey }
  }
  // The price is frozen here, coupon included (src/commerce/coupons): a seat a coupon makes free
  // needs no payment, so it works while payments are not configured.
  const price = await priceSeat(req, item, { couponId: relationId(data.coupon), userId: userId(data.user), seats: 1 })
  const free = price.amount === 0
  // A bank transfer needs no Stripe: staff record the money (src/commerce/manualPayments).
  if (!free && !req.payload.config.custom?.paymentsConfigured && req.context.paymentMethod !== 'bank_transfer') {
    throw new APIError('Payments are not configured: paid items cannot be bought yet.', 503, undefined, true)
  }
  const seat = atCommit ? guessSeat(req, item) : hasFreeSeat(item)
  // At commit, settleSeatsAtCommit moves the counter and notifies (src/enrollment/seatAtCommit.ts).
  if (!atCommit) {
    if (seat) await changeSeatsTaken(req, item, 1)
    else await notifyIfWaitlistForming(req, item)
  }
  return {
    ...data,
    status: seat ? (free ? 'confirmed' : 'pending_payment') : 'waitlisted',
    paymentStatus: free ? 'not_required' : 'pending',
    coupon: price.couponId,
    listPrice: price.listPrice,
    discount: price.discount,
    amount: price.amount,
    currency: item.currency,
    priceTier: price.priceTier,
    activeKey,
  }
}

/** The person's active enrollment for the item (its `active_key`), read after the item's lock. */
async function activeEnrollmentFor(req: PayloadRequest, activeKey: string): Promise<number | null> {
  const db = await sqlFor(req)
  const { rows } = await db.execute(sql`SELECT id FROM enrollments WHERE active_key = ${activeKey} LIMIT 1`)
  return rows[0] ? Number(rows[0].id) : null
}
