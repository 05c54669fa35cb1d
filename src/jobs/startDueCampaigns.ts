import type { TaskConfig } from 'payload'

import { CAMPAIGN_QUEUE } from '../automation/campaigns/queue'
import { queueDueCampaigns } from '../automation/campaigns/queueDueCampaigns'

/** Every minute: starts the scheduled campaigns whose time came (src/automation/campaigns/queueDueCampaigns.ts). */
export const startDueCampaignsTask: TaskConfig<{ input: object; output: { started: number } }> = {
  slug: 'startDueCampaigns',
  label: 'Start due campaigns',
  schedule: [{ cron: '* * * * *', queue: CAMPAIGN_QUEUE }],
  outputSchema: [{ name: 'started', type: 'number', required: true }],
  retries: 1,
  handler: async ({ req }) => ({ output: { started: (await queueDueCampaigns(req.payload)).length } }),
}
