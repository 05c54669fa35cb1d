import type { Payload } from 'payload'

import { CAMPAIGN_JOBS_PER_TICK, CAMPAIGN_QUEUE } from '../../automation/campaigns/queue'
import { queueScheduledJobsOnce } from './queueScheduledJobsOnce'
import { runDueJobs } from './runDueJobs'

/**
 * One round of a job runner: queue what the schedules say is due, then run due jobs. Safe in any number of processes.
 * The default queue (reminders, confirmations, receipts) runs first and in full; only then does a
 * campaign get one batch, whose own time budget bounds how long the next round waits
 * (docs/decisions/0024-campaign-sending.md): a campaign never delays a transactional email by more than a batch.
 */
export async function runWorkerTick(payload: Payload, { limit, campaignLimit = CAMPAIGN_JOBS_PER_TICK }: { limit: number; campaignLimit?: number }): Promise<void> {
  if (!(payload.collections as Record<string, unknown>)['payload-jobs']) return // no task is configured yet
  await queueScheduledJobsOnce(payload)
  await runDueJobs(payload, { limit })
  await queueScheduledJobsOnce(payload, CAMPAIGN_QUEUE)
  await runDueJobs(payload, { queue: CAMPAIGN_QUEUE, limit: campaignLimit })
}
