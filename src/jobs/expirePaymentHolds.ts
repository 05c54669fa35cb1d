import type { TaskConfig } from 'payload'

import { expireDueHolds } from '../payments/expireHolds'

/**
 * Every minute: gives back the seats of payments whose hold ran out unpaid (PAYMENT_HOLD_MINUTES).
 * The schedule only queues the job; the worker (or autoRun in development) runs it.
 */
export const expirePaymentHolds: TaskConfig<{ input: Record<string, never>; output: { expired: number } }> = {
  slug: 'expirePaymentHolds',
  label: 'Expire unpaid payment holds',
  retries: 3,
  schedule: [{ cron: '* * * * *', queue: 'default' }],
  outputSchema: [{ name: 'expired', type: 'number' }],
  handler: async ({ req }) => ({ output: { expired: (await expireDueHolds(req)).length } }),
}
