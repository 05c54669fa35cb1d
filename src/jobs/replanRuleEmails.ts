import { createLocalReq, type TaskConfig } from 'payload'

import { runReplanBatch, type ReplanBatchResult } from '../automation/rules/replan'
import { REPLAN_TASK, type ReplanJobInput } from '../automation/rules/replanJob'

/**
 * Re-plans the emails of a changed email rule (or of an item whose rules were switched off), one
 * batch per run; each run queues the next (src/automation/rules/replan.ts). Safe to run twice.
 */
export const replanRuleEmailsTask: TaskConfig<{ input: ReplanJobInput; output: ReplanBatchResult }> = {
  slug: REPLAN_TASK,
  label: 'Re-plan the emails of an email rule',
  retries: { attempts: 4, backoff: { type: 'exponential', delay: 10_000 } },
  inputSchema: [
    { name: 'kind', type: 'text', required: true },
    { name: 'ruleId', type: 'number' },
    { name: 'prefix', type: 'text' },
    { name: 'scopes', type: 'json' },
    { name: 'afterEndMs', type: 'number' },
    { name: 'replaceUnsent', type: 'checkbox' },
    { name: 'collection', type: 'text' },
    { name: 'itemId', type: 'number' },
    { name: 'cursor', type: 'number' },
    { name: 'batchSize', type: 'number' },
  ],
  outputSchema: [
    { name: 'handled', type: 'number', required: true },
    { name: 'more', type: 'checkbox', required: true },
  ],
  handler: async ({ input, req: jobReq }) => {
    // Payload commits transactions on the job's own request mid-handler: our writes use a request of their own.
    const req = await createLocalReq({}, jobReq.payload)
    return { output: await runReplanBatch(req, input) }
  },
}
