import type { Payload } from 'payload'

import { claimDueJobs } from './claimDueJobs'

/**
 * Claims due jobs atomically (claimDueJobs), then lets Payload run exactly those by id: Payload
 * still does retries, backoff, logs and outputs; only the choice of who runs what is ours.
 * The claimed jobs run side by side, as Payload's own `run` does. Returns how many ran.
 */
export async function runDueJobs(payload: Payload, { queue = 'default', limit = 100 } = {}): Promise<number> {
  const ids = await claimDueJobs(payload, { queue, limit })
  const results = await Promise.allSettled(ids.map((id) => payload.jobs.runByID({ id, silent: true })))
  results.forEach((result, index) => {
    if (result.status === 'rejected') payload.logger.error({ err: result.reason, msg: `Job ${ids[index]} could not be run` })
  })
  return ids.length
}
