import { APIError, type TaskConfig } from 'payload'

import { attachSession } from '../payments/checkout'
import { relationId } from '../payments/payments'

/**
 * Opens the Stripe Checkout Session of a payment created inside a transaction (a waitlisted person
 * promoted to a paid seat). Retried while Stripe is unreachable; the hold expires as usual if it never opens.
 */
export const openCheckoutSession: TaskConfig<{ input: { paymentId: number }; output: { checkoutUrl: string } }> = {
  slug: 'openCheckoutSession',
  label: 'Open a Stripe Checkout Session',
  retries: { attempts: 6, backoff: { type: 'exponential', delay: 10_000 } },
  inputSchema: [{ name: 'paymentId', type: 'number', required: true }],
  outputSchema: [{ name: 'checkoutUrl', type: 'text' }],
  handler: async ({ input, req }) => {
    const payment = await req.payload.findByID({ collection: 'payments', id: input.paymentId, depth: 0, overrideAccess: true, disableErrors: true })
    if (!payment) throw new APIError(`Payment ${input.paymentId} does not exist.`, 404, undefined, true)
    if (payment.status !== 'pending') return { output: { checkoutUrl: payment.checkoutUrl ?? '' } }
    const enrollment = await req.payload.findByID({ collection: 'enrollments', id: relationId(payment.enrollment)!, depth: 0, overrideAccess: true })
    const { checkoutUrl } = await attachSession(req, enrollment as unknown as Record<string, unknown>, payment)
    return { output: { checkoutUrl } }
  },
}
