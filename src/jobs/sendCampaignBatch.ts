import type { TaskConfig } from 'payload'

import { SEND_CAMPAIGN_BATCH_TASK } from '../automation/campaigns/queue'
import { sendCampaignBatch } from '../automation/campaigns/sendBatch'

/**
 * One batch of a campaign, on the `campaigns` queue; it queues the next one itself. Safe to run twice
 * (a retry, a job reclaimed from a dead worker): log rows are unique per person and claimed per send.
 */
export const sendCampaignBatchTask: TaskConfig<{ input: { campaignId: number }; output: { outcome: string } }> = {
  slug: SEND_CAMPAIGN_BATCH_TASK,
  label: 'Send a batch of a campaign',
  inputSchema: [{ name: 'campaignId', type: 'number', required: true }],
  outputSchema: [{ name: 'outcome', type: 'text', required: true }],
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 30_000 } },
  handler: async ({ input, job, req }) => ({ output: { outcome: await sendCampaignBatch(req.payload, input.campaignId, job.id) } }),
}
