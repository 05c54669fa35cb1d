import type { CollectionAfterChangeHook } from 'payload'

import { createPayment } from '../../../payments/checkout'
import { paymentOfEnrollment } from '../../../payments/payments'

/**
 * A waitlisted person promoted to a paid seat gets the same hold as a new buyer: a pending payment
 * (its clock starts now) in this transaction, and a job that opens the Stripe Checkout Session once
 * it commits (no HTTP call while the item row is locked). Without payments set up nothing happens.
 */
export const holdPromotedSeat: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || previousDoc?.status !== 'waitlisted' || doc.status !== 'pending_payment') return doc
  if (!req.payload.config.custom?.paymentsConfigured) return doc
  if (await paymentOfEnrollment(req, doc.id)) return doc
  const payment = await createPayment(req, doc)
  await req.payload.jobs.queue({ task: 'openCheckoutSession', input: { paymentId: payment.id }, req })
  return doc
}
