import type { Payload } from 'payload'

import { queueScheduledJobsOnce } from './queueScheduledJobsOnce'
import { runDueJobs } from './runDueJobs'

/** One round of a job runner: queue what the schedules say is due, then run due jobs. Safe in any number of processes. */
export async function runWorkerTick(payload: Payload, { limit }: { limit: number }): Promise<void> {
  if (!(payload.collections as Record<string, unknown>)['payload-jobs']) return // no task is configured yet
  await queueScheduledJobsOnce(payload)
  await runDueJobs(payload, { limit })
}
