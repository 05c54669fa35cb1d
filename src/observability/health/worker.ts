import type { Payload } from 'payload'

import { getClock } from '../../utilities/clock'
import { lastWorkerHeartbeat } from '../workerHeartbeat'
import type { CheckResult } from './checks'

/**
 * `degraded` when no worker has ticked for HEALTH_WORKER_DEGRADED_AFTER_SECONDS (jobs are not being
 * run). When the web process runs jobs itself (JOBS_AUTORUN, development) no worker is expected.
 */
export async function checkWorker(payload: Payload, degradedAfterSeconds: number, jobsRunInWebProcess: boolean): Promise<CheckResult> {
  const lastSeen = await lastWorkerHeartbeat(payload)
  if (!lastSeen) {
    return jobsRunInWebProcess ? { status: 'ok', detail: { lastSeen: null, jobsRunInWebProcess } } : { status: 'degraded', detail: { lastSeen: null } }
  }
  const secondsAgo = Math.max(0, Math.round((getClock(payload).now().getTime() - lastSeen.getTime()) / 1000))
  const stale = secondsAgo > degradedAfterSeconds && !jobsRunInWebProcess
  return { status: stale ? 'degraded' : 'ok', detail: { lastSeen: lastSeen.toISOString(), secondsAgo, degradedAfterSeconds } }
}
