import { APIError, type PayloadRequest } from 'payload'

import { endEnrollment } from '../enrollment/cancel'
import { inTransaction } from '../enrollment/transaction'
import { expireCheckoutSession } from '../payments/expireHolds'
import { lockPayment, paymentOfEnrollment } from '../payments/payments'
import type { Payment } from '../payload-types'

export type EnrollmentOutcome = 'cancelled' | 'cancelled_and_refunding' | 'skipped'

/**
 * Ends one enrollment of a cancelled item, in its own transaction (one failure does not undo the
 * others). Through `endEnrollment`, so the usual hooks free the seat, mail `enrollment_cancelled`
 * with a calendar cancellation and drop reminders; the item is already `cancelled`, so nobody is
 * promoted. A succeeded payment gets a `refundPayment` job in the same transaction (Stripe's
 * `charge.refunded` then marks it refunded); an unpaid hold is closed so nobody can pay for it.
 * Safe to run again: an enrollment already ended is skipped.
 */
export async function cancelEnrollmentOfCancelledItem(req: PayloadRequest, enrollmentId: number, reason: string): Promise<EnrollmentOutcome> {
  const payment = await paymentOfEnrollment(req, enrollmentId)
  // Outside the transaction (no row lock across an HTTP call), as the hold-expiry job does. If the buyer
  // paid meanwhile, the late money finds a cancelled item and is refunded by the payments engine.
  if (payment && isOpenHold(payment)) await expireCheckoutSession(req, payment)
  try {
    return await inTransaction(req, async () => {
      // Lock order for payments: the payment row, then the item, then the enrollment (endEnrollment).
      const locked = payment ? await lockPayment(req, payment.id) : null
      if (locked && isOpenHold(locked)) await updatePayment(req, locked.id, { status: 'expired', refundReason: reason })
      await endEnrollment(req, enrollmentId, { reason })
      if (locked?.status !== 'succeeded') return 'cancelled'
      await updatePayment(req, locked.id, { refundReason: reason })
      await req.payload.jobs.queue({ task: 'refundPayment', input: { paymentId: locked.id }, req })
      return 'cancelled_and_refunding'
    })
  } catch (error) {
    // endEnrollment's 409: someone (the student, a webhook, an earlier run) ended it first.
    if (error instanceof APIError && error.status === 409) return 'skipped'
    throw error
  }
}

const isOpenHold = (payment: Payment) => payment.status === 'pending' || payment.status === 'failed'

const updatePayment = (req: PayloadRequest, id: number, data: Partial<Payment>) =>
  req.payload.update({ collection: 'payments', id, req, overrideAccess: true, depth: 0, data })
