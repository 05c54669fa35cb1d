/**
 * A booking's life: waiting for the one payment, confirmed (paid or free), expired (the hold ran out unpaid:
 * every seat went back), cancelled (refunded in full or every attendee ended). One attendee cancelled
 * leaves the booking as it is: the attendee's own enrollment says so.
 */
export const BOOKING_STATUSES = ['pending_payment', 'confirmed', 'expired', 'cancelled'] as const
export type BookingStatus = (typeof BOOKING_STATUSES)[number]
