import { APIError, ValidationError, type PayloadRequest } from 'payload'

import { applyFormConsent } from '../../automation/consent/formConsent'
import { findCouponForCode, priceSeat } from '../coupons/pricing'
import { assertOpenForRegistration, lockItem, type LockedItem } from '../../enrollment/items'
import { findOrCreatePerson } from '../../enrollment/findOrCreatePerson'
import type { IdempotencyClaim } from '../../enrollment/idempotency'
import type { Booking, Enrollment } from '../../payload-types'
import { createPayment } from '../../payments/checkout'
import { currencyDecimals } from '../../payments/money'
import { say } from '../../i18n/say'
import type { GroupBookingInput } from './bookGroup'

export interface ReservedGroup {
  booking: Booking
  enrollments: Enrollment[]
  /** The one payment for every seat, pending; none when the seats cost nothing. */
  paymentId: number | null
}

/**
 * Everything a group booking writes, inside the caller's transaction: the item's row is locked first
 * (the lock every seat change takes), so the checks below and the seats taken cannot interleave with
 * any other registration on any app instance. Every attendee gets a seat or the whole booking fails:
 * a group never waits in the waiting list (docs/decisions/0019-group-bookings.md).
 */
export async function reserveSeats(req: PayloadRequest, input: GroupBookingInput, claim: IdempotencyClaim | undefined): Promise<ReservedGroup> {
  const item = await lockItem(req, input.collection, input.itemId)
  assertOpenForRegistration(req, item)
  const seats = input.attendees.length
  await assertGroupSize(req, item, seats)
  await assertNobodyEnrolled(req, item, input)
  assertSeatsLeft(req, item, seats)
  const couponId = input.couponCode ? await findCouponForCode(req, input.couponCode) : null
  // One seat's price; the coupon's total limit must cover every seat of the group (each attendee's
  // enrollment then checks its own per-person limit as it is created below).
  const price = await priceSeat(req, item, { couponId, userId: null, seats })
  const total = Number((price.amount * seats).toFixed(currencyDecimals(item.currency)))
  if (total > 0 && input.paymentMethod === 'card' && !req.payload.config.custom?.paymentsConfigured) {
    throw new APIError('Payments are not configured: paid items cannot be bought yet.', 503, undefined, true)
  }
  const buyer = await findOrCreatePerson(req, input.buyer)
  await applyFormConsent(req, { collection: 'users', id: buyer.id, email: input.buyer.email, granted: input.marketingConsent })
  const booking = await req.payload.create({
    collection: 'bookings',
    req,
    overrideAccess: true,
    depth: 0,
    data: {
      item: { relationTo: input.collection, value: input.itemId },
      status: total > 0 ? 'pending_payment' : 'confirmed',
      buyer: buyer.id,
      buyerName: [input.buyer.firstName, input.buyer.lastName].filter(Boolean).join(' '),
      buyerEmail: input.buyer.email,
      company: input.buyer.company,
      taxId: input.buyer.taxId,
      seats,
      currency: item.currency,
      paymentMethod: input.paymentMethod,
      priceTier: price.priceTier,
      unitListPrice: price.listPrice,
      unitDiscount: price.discount,
      unitAmount: price.amount,
      total,
      coupon: price.couponId ?? undefined,
      couponCode: price.couponId ? input.couponCode?.trim().toUpperCase() : undefined,
      idempotencyKey: claim?.key,
      idempotencyRequest: claim?.request,
    },
  })
  // Read by the seat rules: a bank transfer needs no Stripe (src/commerce/manualPayments).
  req.context.paymentMethod = input.paymentMethod
  const enrollments: Enrollment[] = []
  for (const attendee of input.attendees) {
    const person = await findOrCreatePerson(req, attendee)
    const enrollment = await req.payload.create({
      collection: 'enrollments',
      req,
      overrideAccess: true,
      depth: 0,
      data: { user: person.id, item: { relationTo: input.collection, value: input.itemId }, source: 'web', booking: booking.id, coupon: price.couponId ?? undefined },
    })
    // The seat rules run per enrollment; the checks above make a waitlisted attendee impossible, this keeps it so.
    if (enrollment.status === 'waitlisted') throw seatsLeftError(req, 0)
    enrollments.push(enrollment)
  }
  if (total === 0) return { booking, enrollments, paymentId: null }
  const payment = await createPayment(req, { id: enrollments[0].id, user: buyer.id, amount: total, currency: item.currency }, { bookingId: booking.id, seats })
  return { booking, enrollments, paymentId: payment.id }
}


async function assertGroupSize(req: PayloadRequest, item: LockedItem, seats: number) {
  const doc = (await req.payload.findByID({ collection: item.collection, id: item.id, req, depth: 0, overrideAccess: true, select: { maxGroupSize: true } })) as { maxGroupSize?: number | null }
  const maxGroupSize = doc.maxGroupSize ?? 20
  // 1 is how staff switch group bookings off for an item (the field's own help text says so).
  if (maxGroupSize <= 1) {
    throw new ValidationError({
      collection: 'enrollments',
      errors: [{ path: 'attendees', message: say(req, { es: `Este ${label(item)} no acepta reservas de grupo: inscribe a cada persona por separado.`, en: `This ${label(item, 'en')} takes no group bookings: register each person on their own.` }) }],
    })
  }
  if (seats <= maxGroupSize) return
  throw new ValidationError({
    collection: 'enrollments',
    errors: [{ path: 'attendees', message: say(req, { es: `Este ${label(item)} admite como máximo ${maxGroupSize} personas por reserva de grupo (se enviaron ${seats}).`, en: `This ${label(item, 'en')} takes at most ${maxGroupSize} people per group booking (${seats} were sent).` }) }],
  })
}

const label = (item: LockedItem, language: 'es' | 'en' = 'es') => (item.collection === 'webinars' ? 'webinar' : language === 'es' ? 'curso' : 'course')

/** Someone already holding an active enrollment in the item cannot take a second seat through a group. */
async function assertNobodyEnrolled(req: PayloadRequest, item: LockedItem, input: GroupBookingInput) {
  const emails = input.attendees.map((attendee) => attendee.email)
  const { docs: users } = await req.payload.find({ collection: 'users', where: { email: { in: emails } }, limit: emails.length, depth: 0, overrideAccess: true, pagination: false, req, select: { email: true } })
  if (!users.length) return
  const keys = users.map((user) => `${item.collection}:${item.id}:${user.id}`)
  const { docs: active } = await req.payload.find({ collection: 'enrollments', where: { activeKey: { in: keys } }, limit: keys.length, depth: 0, overrideAccess: true, pagination: false, req, select: { user: true } })
  if (!active.length) return
  const enrolledIds = new Set(active.map((enrollment) => Number(enrollment.user)))
  const enrolled = users.filter((user) => enrolledIds.has(Number(user.id))).map((user) => String(user.email))
  throw new APIError(
    say(req, { es: `Ya tienen una inscripción activa en este ${label(item)}: ${enrolled.join(', ')}. Quítalos del grupo.`, en: `Already enrolled in this ${label(item, 'en')}: ${enrolled.join(', ')}. Remove them from the group.` }),
    409,
    { attendees: enrolled },
    true,
  )
}

function assertSeatsLeft(req: PayloadRequest, item: LockedItem, seats: number) {
  if (item.capacity === null) return
  const left = Math.max(item.capacity - item.seatsTaken, 0)
  if (left < seats) throw seatsLeftError(req, left, seats)
}

const seatsLeftError = (req: PayloadRequest, left: number, wanted?: number) =>
  new APIError(
    say(req, {
      es: `${left === 1 ? 'Queda 1 cupo' : `Quedan ${left} cupos`}${wanted ? ` y el grupo necesita ${wanted}` : ''}: una reserva de grupo toma todos sus cupos o ninguno, y no entra en lista de espera.`,
      en: `${left === 1 ? '1 seat' : `${left} seats`} left${wanted ? ` and the group needs ${wanted}` : ''}: a group booking takes all its seats or none, and does not join the waiting list.`,
    }),
    409,
    { seatsLeft: left },
    true,
  )
