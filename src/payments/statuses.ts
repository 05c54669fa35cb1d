/**
 * A payment's life. `expired` (not in the contract's list) marks a hold that ran out unpaid, or a
 * Checkout Session Stripe never created; it can still become `succeeded` if money arrives late.
 */
export const PAYMENT_RECORD_STATUSES = ['pending', 'failed', 'expired', 'succeeded', 'refunded'] as const
export type PaymentRecordStatus = (typeof PAYMENT_RECORD_STATUSES)[number]

/**
 * Events may arrive in any order (Stripe does not promise one), so a payment only ever moves up
 * this ladder: a refund recorded first wins over a later "completed", and "completed" over a
 * later "failed". Pending, failed and expired share a rung: a failed card may be retried, and an
 * expired hold may still be paid.
 */
const RANK: Record<PaymentRecordStatus, number> = { pending: 0, failed: 0, expired: 0, succeeded: 1, refunded: 2 }

export const canMove = (from: PaymentRecordStatus, to: PaymentRecordStatus) => from !== to && RANK[to] >= RANK[from]

export const STRIPE_EVENT_STATUSES = ['received', 'processed', 'ignored', 'failed'] as const
