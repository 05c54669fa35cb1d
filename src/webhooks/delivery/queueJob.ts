import type { PayloadRequest } from 'payload'

import { getClock } from '../../utilities/clock'

export interface DeliverWebhookInput {
  deliveryId: number
  /** The delivery's `nextAttemptAt` this job was queued for: a job whose time was moved (a redelivery) steps aside. */
  dueAt: string
}

/** Payload's `waitUntil` is real time; the task checks the due time again by the app clock. Pass the caller's `req` to join its transaction. */
export async function queueDeliveryJob(req: PayloadRequest, deliveryId: number, dueAt: Date): Promise<void> {
  const waitUntil = dueAt > getClock(req.payload).now() ? dueAt : undefined
  const input: DeliverWebhookInput = { deliveryId, dueAt: dueAt.toISOString() }
  await req.payload.jobs.queue({ task: 'deliverWebhook', input, waitUntil, req })
}
