import { APIError, NotFound, ValidationError, type PayloadRequest } from 'payload'

import { findOrCreatePerson, type PersonInput } from '../../enrollment/findOrCreatePerson'
import { lockAnyItem } from '../../enrollment/items'
import { holdsSeat, type ItemCollection } from '../../enrollment/statuses'
import { inTransaction, sql, sqlFor } from '../../enrollment/transaction'
import type { Enrollment } from '../../payload-types'
import { paymentOfEnrollment, relationId, updateEnrollment, updatePayment } from '../../payments/payments'
import { getClock } from '../../utilities/clock'
import { say } from '../../i18n/say'

export interface ReplaceAttendeeInput {
  enrollmentId: number
  /** Already parsed (PERSON_INPUT): email trimmed and lower-cased. */
  attendee: PersonInput
}

export interface ReplacedAttendee {
  replaced: { id: number; email: string }
  enrollment: { id: number; status: string; email: string }
}

/** What the person replacing an attendee inherits: the seat as it was sold and paid for. */
const INHERITED = ['status', 'paymentStatus', 'coupon', 'listPrice', 'discount', 'amount', 'currency', 'priceTier'] as const

/**
 * Gives one attendee's seat in a group booking to another person, before the item starts, in ONE
 * transaction (docs/decisions/0022-replacing-an-attendee.md): the old enrollment ends (`cancelled`,
 * `replacedBy`) and a new one for the new person takes the seat it freed, with the same status, price and
 * coupon, inside the booking (`replaces`); the waiting list is not offered the seat in between, and the
 * booking's payment now pays for the new enrollment. The enrollments' own hooks do the mail: the old person
 * gets `booking_attendee_replaced` with a calendar cancellation and loses their reminders; the new one gets
 * the normal confirmation, calendar file and reminders (or, while the booking is unpaid, when it is paid).
 */
export async function replaceAttendee(req: PayloadRequest, bookingId: number, { enrollmentId, attendee }: ReplaceAttendeeInput): Promise<ReplacedAttendee> {
  return inTransaction(req, async () => {
    const booking = await req.payload.findByID({ collection: 'bookings', id: bookingId, req, depth: 0, overrideAccess: true, disableErrors: true })
    if (!booking) throw new NotFound(req.t)
    if (booking.status === 'cancelled' || booking.status === 'expired') {
      throw new APIError(say(req, { es: `Esta reserva está ${booking.status === 'cancelled' ? 'cancelada' : 'vencida'}: no se puede cambiar a nadie.`, en: `This booking is ${booking.status}: nobody can be replaced.` }), 409, undefined, true)
    }
    const ref = booking.item as { relationTo: ItemCollection; value: unknown }
    // Lock order everywhere: the item row, then enrollments (src/enrollment/cancel.ts).
    const item = await lockAnyItem(req, ref.relationTo, relationId(ref.value)!)
    if (!item) throw new NotFound(req.t)
    if (item.status === 'cancelled') throw new APIError(say(req, { es: 'Esta actividad fue cancelada.', en: 'This item was cancelled.' }), 409, undefined, true)
    if (item.startsAt && getClock(req.payload).now() >= item.startsAt) {
      throw new APIError(say(req, { es: 'La actividad ya empezó: los asistentes solo se pueden cambiar antes del inicio.', en: 'It has already started: attendees can only be replaced before the start.' }), 409, undefined, true)
    }
    const old = await lockAttendee(req, bookingId, enrollmentId)
    const oldUser = await req.payload.findByID({ collection: 'users', id: relationId(old.user)!, req, depth: 0, overrideAccess: true })
    await assertNotEnrolled(req, item.collection, item.id, attendee.email)
    const person = await findOrCreatePerson(req, attendee)

    req.context.seatPassesOn = old.id
    try {
      await updateEnrollment(req, old.id, { status: 'cancelled', cancellationReason: replacedReason(oldUser.language, bookingId) })
    } finally {
      delete req.context.seatPassesOn
    }
    req.context.seatPassedOn = Object.fromEntries(INHERITED.map((field) => [field, relationOrValue(old[field])]))
    let created: Enrollment
    try {
      created = await req.payload.create({
        collection: 'enrollments',
        req,
        overrideAccess: true,
        depth: 0,
        data: { user: person.id, item: { relationTo: item.collection, value: item.id }, source: old.source ?? 'web', booking: bookingId, replaces: old.id },
      })
    } finally {
      delete req.context.seatPassedOn
    }
    await updateEnrollment(req, old.id, { replacedBy: created.id })
    // A group's payment names its first attendee's enrollment (the rest are found through the booking).
    const payment = await paymentOfEnrollment(req, old.id)
    if (payment) await updatePayment(req, payment, { enrollment: created.id })
    return {
      replaced: { id: old.id, email: String(oldUser.email) },
      enrollment: { id: created.id, status: String(created.status), email: attendee.email },
    }
  })
}

/** The attendee's enrollment, locked; it must belong to this booking and still hold its seat. */
async function lockAttendee(req: PayloadRequest, bookingId: number, enrollmentId: number): Promise<Enrollment> {
  const db = await sqlFor(req)
  const { rows } = await db.execute(sql`SELECT id FROM enrollments WHERE id = ${enrollmentId} AND booking_id = ${bookingId} FOR UPDATE`)
  if (!rows[0]) {
    throw new ValidationError({ collection: 'bookings', errors: [{ path: 'enrollmentId', message: say(req, { es: 'Esa inscripción no es de esta reserva.', en: 'That enrollment is not part of this booking.' }) }] })
  }
  const enrollment = await req.payload.findByID({ collection: 'enrollments', id: enrollmentId, req, depth: 0, overrideAccess: true })
  if (!holdsSeat(enrollment.status)) {
    throw new APIError(say(req, { es: `Esa persona ya no tiene cupo (${enrollment.status}): no hay nada que reemplazar.`, en: `That attendee no longer holds a seat (${enrollment.status}): there is nothing to replace.` }), 409, undefined, true)
  }
  return enrollment
}

/** Someone already holding an active enrollment in the item (the old attendee included) cannot take a second seat. */
async function assertNotEnrolled(req: PayloadRequest, collection: ItemCollection, itemId: number, email: string) {
  const db = await sqlFor(req)
  const { rows } = await db.execute(sql`
    SELECT e.id FROM enrollments e JOIN users u ON u.id = e.user_id
     WHERE u.email = ${email} AND e.active_key = ${`${collection}:${itemId}:`}::text || u.id::text LIMIT 1`)
  if (!rows[0]) return
  throw new APIError(
    say(req, { es: `${email} ya tiene una inscripción activa en esta actividad: no puede reemplazar a nadie.`, en: `${email} is already enrolled in this item and cannot replace anyone.` }),
    409,
    { attendee: email },
    true,
  )
}

const replacedReason = (language: string | null | undefined, bookingId: number) =>
  language === 'en' ? `Your seat in group booking no. ${bookingId} was given to someone else.` : `Tu cupo de la reserva de grupo n.º ${bookingId} pasó a otra persona.`

const relationOrValue = (value: unknown) => (value && typeof value === 'object' ? (value as { id: number }).id : (value ?? null))
