import { APIError, type TaskConfig } from 'payload'

import { requestRefund } from '../payments/refunds'

/** Refunds a payment at Stripe when Aula decides to (money that arrived after its seat was given away). */
export const refundPayment: TaskConfig<{ input: { paymentId: number }; output: Record<string, never> }> = {
  slug: 'refundPayment',
  label: 'Refund a payment at Stripe',
  retries: { attempts: 8, backoff: { type: 'exponential', delay: 10_000 } },
  inputSchema: [{ name: 'paymentId', type: 'number', required: true }],
  handler: async ({ input, req }) => {
    const payment = await req.payload.findByID({ collection: 'payments', id: input.paymentId, depth: 0, overrideAccess: true, disableErrors: true })
    if (!payment) throw new APIError(`Payment ${input.paymentId} does not exist.`, 404, undefined, true)
    await requestRefund(req, payment)
    return { output: {} }
  },
}
