import { APIError, type PayloadRequest } from 'payload'

import type { Payment } from '../payload-types'
import { getClock } from '../utilities/clock'
import { stripeFor } from './stripeClient'

/**
 * Asks Stripe to refund a payment in full. Aula changes nothing else here: Stripe's `charge.refunded`
 * event, through the webhook, marks the payment and enrollment refunded and frees the seat. One
 * idempotency key per payment, so a double click or a retried job never refunds twice.
 */
export async function requestRefund(req: PayloadRequest, payment: Payment): Promise<void> {
  if (payment.status === 'refunded') return
  if (!payment.paymentIntentId) {
    throw new APIError('This payment has no Stripe PaymentIntent yet, so there is nothing to refund.', 409, undefined, true)
  }
  await stripeFor(req.payload).refunds.create(
    { payment_intent: payment.paymentIntentId, metadata: { paymentId: String(payment.id) } },
    { idempotencyKey: `aula-refund-${payment.id}` },
  )
  await markRefundRequested(req, payment.id)
}

/** Stamps when the refund was asked for; Stripe's `charge.refunded` event does the rest. */
export async function markRefundRequested(req: PayloadRequest, paymentId: number): Promise<void> {
  await req.payload.update({
    collection: 'payments',
    id: paymentId,
    req,
    overrideAccess: true,
    depth: 0,
    data: { refundRequestedAt: getClock(req.payload).now().toISOString() },
  })
}
