import { createLocalReq, type TaskConfig } from 'payload'

import type { ItemCollection } from '../enrollment/statuses'
import { sendDueFollowUps, type FollowUpRun } from '../followUps/sendDue'
import { FOLLOW_UP_TASK } from '../followUps/states'

/**
 * Every minute: the follow-ups whose time came (the item's end plus its delay, by the app clock).
 * Queued with `{ collection, itemId }` by a release, for that one item at once. Idempotent: each
 * person's email has one dedupe key, and the item's state moves by compare-and-set.
 */
export const sendFollowUpsTask: TaskConfig<{ input: { collection?: ItemCollection; itemId?: number }; output: FollowUpRun }> = {
  slug: FOLLOW_UP_TASK,
  label: 'Send follow-ups after webinars and courses',
  retries: 3,
  schedule: [{ cron: '* * * * *', queue: 'default' }],
  inputSchema: [
    { name: 'collection', type: 'text' },
    { name: 'itemId', type: 'number' },
  ],
  outputSchema: [
    { name: 'sent', type: 'number' },
    { name: 'onHold', type: 'number' },
    { name: 'failed', type: 'number' },
  ],
  handler: async ({ input, req: jobReq }) => {
    // Payload commits transactions on the job's own request mid-handler: our writes use a request of their own.
    const req = await createLocalReq({}, jobReq.payload)
    const only = input?.collection === 'webinars' || input?.collection === 'courses' ? { collection: input.collection, itemId: Number(input.itemId) } : undefined
    // An item that failed is logged and picked up again by the next minute's run (no retry storm).
    return { output: await sendDueFollowUps(req, only) }
  },
}
