import { createLocalReq, type TaskConfig } from 'payload'

import { CANCEL_ITEM_ENROLLMENTS_TASK, runCancellationBatch, type BatchResult, type CancellationJobInput } from '../cancellation/runBatch'

/**
 * Ends the active enrollments of a cancelled course or webinar, one batch per run, refunding the paid
 * ones through `refundPayment` (src/cancellation). Safe to run twice: ended enrollments are skipped.
 */
export const cancelItemEnrollments: TaskConfig<{ input: CancellationJobInput; output: BatchResult }> = {
  slug: CANCEL_ITEM_ENROLLMENTS_TASK,
  label: 'Cancel the enrollments of a cancelled course or webinar',
  retries: { attempts: 6, backoff: { type: 'exponential', delay: 30_000 } },
  inputSchema: [
    { name: 'collection', type: 'text', required: true },
    { name: 'itemId', type: 'number', required: true },
    { name: 'reason', type: 'text', required: true },
  ],
  outputSchema: [
    { name: 'cancelled', type: 'number', required: true },
    { name: 'refunding', type: 'number', required: true },
    { name: 'skipped', type: 'number', required: true },
    { name: 'failed', type: 'number', required: true },
    { name: 'remaining', type: 'number', required: true },
  ],
  handler: async ({ input, req: jobReq }) => {
    // Payload commits transactions on the job's own request mid-handler: our writes use a request of their own.
    const req = await createLocalReq({}, jobReq.payload)
    return { output: await runCancellationBatch(req, input) }
  },
}
