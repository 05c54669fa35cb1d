import { APIError, createLocalReq, type TaskConfig } from 'payload'

import { requestRefund } from '../payments/refunds'

/**
 * Refunds what is left of a payment at Stripe when Aula decides to (money that arrived after its seat was
 * given away, a cancelled item). Its own request: Payload commits transactions on the job's `req` mid-handler.
 */
export const refundPayment: TaskConfig<{ input: { paymentId: number }; output: Record<string, never> }> = {
  slug: 'refundPayment',
  label: 'Refund a payment at Stripe',
  retries: { attempts: 8, backoff: { type: 'exponential', delay: 10_000 } },
  inputSchema: [{ name: 'paymentId', type: 'number', required: true }],
  handler: async ({ input, req: jobReq }) => {
    const req = await createLocalReq({}, jobReq.payload)
    const payment = await req.payload.findByID({ collection: 'payments', id: input.paymentId, depth: 0, overrideAccess: true, disableErrors: true, req })
    if (!payment) throw new APIError(`Payment ${input.paymentId} does not exist.`, 404, undefined, true)
    await requestRefund(req, payment)
    return { output: {} }
  },
}
