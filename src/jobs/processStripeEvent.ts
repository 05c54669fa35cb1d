import type { TaskConfig } from 'payload'

import { processEvent } from '../payments/stripeEvents'

/** Applies one recorded Stripe event (see `recordEvent`); safe to run again, it does nothing twice. */
export const processStripeEvent: TaskConfig<{ input: { eventId: string }; output: { outcome: string } }> = {
  slug: 'processStripeEvent',
  label: 'Process a Stripe event',
  retries: { attempts: 8, backoff: { type: 'exponential', delay: 5_000 } },
  inputSchema: [{ name: 'eventId', type: 'text', required: true }],
  outputSchema: [{ name: 'outcome', type: 'text' }],
  handler: async ({ input, req }) => ({ output: { outcome: await processEvent(req, input.eventId) } }),
}
