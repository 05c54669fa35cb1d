import type { PayloadRequest } from 'payload'

import type { Booking } from '../../payload-types'
import { relationId } from '../../payments/payments'

export interface BookedSeat {
  id: number
  status: string
  email: string
}

/** What the buyer is told about their booking (REST answer and GraphQL `Booking`): what was sold, never internal keys. */
export const publicBooking = (booking: Booking) => ({
  id: booking.id,
  status: booking.status,
  item: { relationTo: (booking.item as { relationTo: string }).relationTo, value: relationId((booking.item as { value: unknown }).value) },
  seats: booking.seats,
  currency: booking.currency,
  priceTier: booking.priceTier ?? null,
  unitListPrice: booking.unitListPrice ?? null,
  unitDiscount: booking.unitDiscount ?? 0,
  unitAmount: booking.unitAmount ?? null,
  total: booking.total,
  couponCode: booking.couponCode ?? null,
  paymentMethod: booking.paymentMethod ?? 'card',
  buyerName: booking.buyerName ?? '',
  buyerEmail: booking.buyerEmail,
  company: booking.company ?? null,
  taxId: booking.taxId ?? null,
  createdAt: booking.createdAt,
})

/** Each attendee's seat, in the order the attendees were named. */
export async function seatsOfBooking(req: PayloadRequest, bookingId: number): Promise<BookedSeat[]> {
  const { docs } = await req.payload.find({ collection: 'enrollments', where: { booking: { equals: bookingId } }, sort: 'id', depth: 1, overrideAccess: true, pagination: false, req, select: { status: true, user: true }, populate: { users: { email: true } } })
  return docs.map((enrollment) => ({ id: enrollment.id, status: String(enrollment.status), email: String((enrollment.user as { email?: string } | null)?.email ?? '') }))
}

export const bookingMessage = (status: string) =>
  ({
    confirmed: 'The group is booked: every attendee has a seat and gets their own confirmation.',
    pending_payment: 'Every seat is held until the booking is paid.',
  })[status] ?? 'Booking received.'
