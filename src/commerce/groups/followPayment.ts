import type { PayloadRequest } from 'payload'

import type { Payment } from '../../payload-types'
import { relationId } from '../../payments/payments'
import type { BookingStatus } from './statuses'
import { queueGroupConfirmedEmail } from './emails'

/** What a group's payment reaching a status means for its booking. */
const BOOKING_STATUS_FOR: Partial<Record<string, BookingStatus>> = { succeeded: 'confirmed', expired: 'expired', refunded: 'cancelled' }

/**
 * Keeps a booking's status with its one payment, whoever moved it (Stripe's webhook, staff recording a bank
 * transfer, the hold-expiry job, a refund), in the same transaction; a confirmed booking mails the buyer.
 */
export async function followPayment(req: PayloadRequest, payment: Payment, previousStatus: string | undefined): Promise<void> {
  const bookingId = relationId(payment.booking)
  const next = BOOKING_STATUS_FOR[payment.status]
  if (!bookingId || !next || payment.status === previousStatus) return
  const booking = await req.payload.update({ collection: 'bookings', id: bookingId, req, overrideAccess: true, depth: 0, data: { status: next } })
  if (next === 'confirmed') await queueGroupConfirmedEmail(req, booking, payment.id)
}
