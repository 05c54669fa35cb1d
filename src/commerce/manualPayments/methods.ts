/** Every way a payment can be made: `card` is Stripe Checkout; the others are money staff record by hand. */
export const PAYMENT_METHODS = ['card', 'bank_transfer', 'cash', 'deposit'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]

/** What staff may record on a payment themselves (a card payment is only ever recorded by Stripe's webhook). */
export const MANUAL_METHODS = ['bank_transfer', 'cash', 'deposit'] as const
export type ManualMethod = (typeof MANUAL_METHODS)[number]
