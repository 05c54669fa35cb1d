import type { TaskConfig } from 'payload'

import { deliverWebhook, type DeliveryOutcome } from './deliver'
import type { DeliverWebhookInput } from './queueJob'

/**
 * One attempt of one webhook delivery. Queued by enqueueWebhookEvent, by a failed attempt (its retry) and
 * by a redelivery. HTTP failures are not job failures: the delivery schedules its own retries
 * (src/webhooks/delivery/schedule.ts). Payload's retries are for the database failing under us; they wait
 * longer than the stale-claim rule, so the retry may take over a delivery left `sending`.
 */
export const deliverWebhookTask: TaskConfig<{ input: DeliverWebhookInput; output: { outcome: DeliveryOutcome } }> = {
  slug: 'deliverWebhook',
  label: 'Deliver a webhook event',
  inputSchema: [
    { name: 'deliveryId', type: 'number', required: true },
    { name: 'dueAt', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'outcome', type: 'text', required: true }],
  retries: { attempts: 3, backoff: { type: 'fixed', delay: 11 * 60_000 } },
  handler: async ({ input, req }) => ({ output: { outcome: await deliverWebhook(req, input) } }),
}
