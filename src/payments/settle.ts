import type { PayloadRequest } from 'payload'

import { reinstate } from '../enrollment/reinstate'
import type { Enrollment, Payment } from '../payload-types'
import { queueSeatTakenRefundEmail } from './emails'
import { relationId, updateEnrollment, updatePayment } from './payments'
import { canMove } from './statuses'

/**
 * Every enrollment a payment pays for, oldest first: its one enrollment, or for a group booking every
 * attendee's, found through `payment.booking` (src/commerce/groups). An attendee replaced by someone else
 * is not among them: the payment now pays for the replacement's seat (src/commerce/bookingChanges).
 */
export async function enrollmentsOfPayment(req: PayloadRequest, payment: Payment): Promise<Enrollment[]> {
  const bookingId = relationId(payment.booking)
  if (bookingId) {
    const { docs } = await req.payload.find({ collection: 'enrollments', where: { booking: { equals: bookingId }, replacedBy: { exists: false } }, sort: 'id', depth: 0, overrideAccess: true, pagination: false, req })
    return docs
  }
  const id = relationId(payment.enrollment)
  if (!id) return []
  return [await req.payload.findByID({ collection: 'enrollments', id, req, depth: 0, overrideAccess: true })]
}


/**
 * The money is in, whoever says so (Stripe's webhook, or staff recording a bank transfer): the payment
 * becomes `succeeded` (with `data` written alongside) and every seat it pays for is confirmed. Money that
 * arrived after a hold ended takes a free seat again, or is refunded when none is left. Runs in the
 * caller's transaction with the payment row locked (`lockPayment`).
 */
export async function settlePayment(req: PayloadRequest, payment: Payment, data: Partial<Payment> = {}): Promise<{ outcome: string; payment: Payment }> {
  if (!canMove(payment.status, 'succeeded')) {
    if (Object.keys(data).length) await updatePayment(req, payment, data)
    return { outcome: `Payment already ${payment.status}; nothing to do.`, payment }
  }
  const updated = await updatePayment(req, payment, { ...data, status: 'succeeded' })
  const outcomes: string[] = []
  let lost = false
  for (const enrollment of await enrollmentsOfPayment(req, updated)) {
    if (enrollment.status === 'pending_payment') {
      await updateEnrollment(req, enrollment.id, { status: 'confirmed', paymentStatus: 'paid' })
      outcomes.push('Enrollment confirmed.')
    } else if (enrollment.status === 'confirmed') {
      await updateEnrollment(req, enrollment.id, { paymentStatus: 'paid' })
      outcomes.push('Enrollment was already confirmed; marked paid.')
    } else if (await reinstate(req, enrollment.id)) {
      outcomes.push('Paid after the hold expired; a seat was free, enrollment confirmed again.')
    } else {
      await updateEnrollment(req, enrollment.id, { paymentStatus: 'paid' })
      lost = true
    }
  }
  if (lost) {
    await queueAutomaticRefund(req, updated)
    return { outcome: 'Paid after the hold expired and the seat was taken; refund requested.', payment: updated }
  }
  return { outcome: [...new Set(outcomes)].join(' ') || 'Payment recorded.', payment: updated }
}

/**
 * No seat for money that arrived late: Stripe gives it back (a job, outside this transaction), and the buyer is told.
 * A reason already on the payment wins (a cancelled course or webinar stamps its own, src/cancellation).
 */
async function queueAutomaticRefund(req: PayloadRequest, payment: Payment) {
  const reason = payment.refundReason || 'The payment hold expired and the seat was given to someone else.'
  if (payment.provider === 'manual') {
    // Money staff recorded by hand (src/commerce/manualPayments) cannot go back through Stripe: staff return it.
    const review = `${reason} Recorded by hand: give the money back to the payer and note how.`
    const updated = await updatePayment(req, payment, { refundReason: reason, needsReview: true, reviewReason: review })
    await queueSeatTakenRefundEmail(req, updated, reason)
    return
  }
  const updated = await updatePayment(req, payment, { refundReason: reason })
  await req.payload.jobs.queue({ task: 'refundPayment', input: { paymentId: payment.id }, req })
  await queueSeatTakenRefundEmail(req, updated, reason)
}
