import type { TaskConfig } from 'payload'

import { queueFollowupDigests } from '../crm/followupDigest'

/** Every morning (13:00 UTC, 08:00 in Lima): each sales user's follow-ups due today or overdue. */
export const sendSalesFollowupDigestTask: TaskConfig<'sendSalesFollowupDigest'> = {
  slug: 'sendSalesFollowupDigest',
  label: 'Send the sales follow-up digest',
  schedule: [{ cron: '0 13 * * *', queue: 'default' }],
  outputSchema: [{ name: 'queued', type: 'number', required: true }],
  retries: 2,
  handler: async ({ req }) => ({ output: { queued: await queueFollowupDigests(req) } }),
}
