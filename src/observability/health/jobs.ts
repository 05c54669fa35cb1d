import type { Payload } from 'payload'

import { getClock } from '../../utilities/clock'
import { oldestDueJobAgeSeconds, poolOf } from '../database'
import type { CheckResult } from './checks'

/**
 * `degraded` when a due job has waited longer than HEALTH_JOBS_DEGRADED_AFTER_SECONDS (emails,
 * payment holds and refunds are late). Never `down`: the web process can still serve, and pulling
 * every instance out of the load balancer would not make the worker catch up.
 */
export async function checkJobs(payload: Payload, degradedAfterSeconds: number): Promise<CheckResult> {
  const oldestDueSeconds = await oldestDueJobAgeSeconds(poolOf(payload), getClock(payload).now())
  return { status: oldestDueSeconds > degradedAfterSeconds ? 'degraded' : 'ok', detail: { oldestDueSeconds, degradedAfterSeconds } }
}
