import { createLocalReq, type TaskConfig } from 'payload'

import type { ItemCollection } from '../enrollment/statuses'
import { inTransaction } from '../enrollment/transaction'
import { completionTargetOf, recomputeCompletion } from './completion'

export const RECOMPUTE_COMPLETION_TASK = 'recomputeCompletion'

/** A big course's completion after its schedule or threshold changed. Idempotent: it recomputes from the rows. */
export const recomputeCompletionTask: TaskConfig<{ input: { collection: ItemCollection; itemId: number }; output: { changed: number } }> = {
  slug: RECOMPUTE_COMPLETION_TASK,
  label: 'Recompute the completion of an item’s enrollments',
  retries: { attempts: 4, backoff: { type: 'exponential', delay: 10_000 } },
  inputSchema: [
    { name: 'collection', type: 'text', required: true },
    { name: 'itemId', type: 'number', required: true },
  ],
  outputSchema: [{ name: 'changed', type: 'number', required: true }],
  handler: async ({ input, req: jobReq }) => {
    // Payload commits transactions on the job's own request mid-handler: our writes use a request of their own.
    const req = await createLocalReq({}, jobReq.payload)
    const changed = await inTransaction(req, async () => {
      const target = await completionTargetOf(req, input.collection, input.itemId)
      return target ? (await recomputeCompletion(req, target)).changed : 0
    })
    return { output: { changed } }
  },
}
