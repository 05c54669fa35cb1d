export const ENROLLMENT_STATUSES = ['pending_payment', 'confirmed', 'waitlisted', 'cancelled', 'refunded'] as const
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number]

export const PAYMENT_STATUSES = ['not_required', 'pending', 'paid', 'failed', 'refunded'] as const
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number]

export const PRICE_TIERS = ['free', 'regular', 'early_bird'] as const
export type PriceTier = (typeof PRICE_TIERS)[number]

/** These hold a seat: the capacity counter counts exactly them. */
export const SEAT_HOLDING: EnrollmentStatus[] = ['confirmed', 'pending_payment']

/** At most one of these per person and item (a database unique key enforces it). */
export const ACTIVE: EnrollmentStatus[] = ['confirmed', 'pending_payment', 'waitlisted']

export const ITEM_COLLECTIONS = ['webinars', 'courses'] as const
export type ItemCollection = (typeof ITEM_COLLECTIONS)[number]

export const holdsSeat = (status: string | null | undefined) => SEAT_HOLDING.includes(status as EnrollmentStatus)
export const isActive = (status: string | null | undefined) => ACTIVE.includes(status as EnrollmentStatus)
