import type { ManualPaymentResult } from './record'

/** What the record endpoints answer: the outcome in the caller's language and the payment's money facts. */
export const manualPaymentAnswer = ({ payment, outcome, settled, received, due, overpaid }: ManualPaymentResult) => ({
  message: outcome,
  settled,
  payment: {
    id: payment.id,
    status: payment.status,
    method: payment.method,
    provider: payment.provider,
    reference: payment.reference ?? null,
    amount: payment.amount,
    currency: payment.currency,
    received,
    due,
    stillDue: Math.max(Number((due - received).toFixed(2)), 0),
    overpaid,
    needsReview: payment.needsReview ?? false,
    entries: payment.manualEntries?.length ?? 0,
  },
})
