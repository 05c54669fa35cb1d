import type { Payload } from 'payload'

import { getClock } from '../../utilities/clock'
import { observabilitySettings } from '../settings'
import { type CheckResult, type HealthStatus, overallStatus } from './checks'
import { checkDatabase, checkMigrations } from './database'
import { checkJobs } from './jobs'
import { checkMail } from './mail'
import { checkWorker } from './worker'

export interface HealthReport {
  status: HealthStatus
  checkedAt: string
  checks: Record<'database' | 'migrations' | 'mail' | 'jobs' | 'worker', CheckResult>
}

const NOT_CHECKED: CheckResult = { status: 'unknown', detail: { reason: 'database unreachable' } }

const settled = async (check: () => Promise<CheckResult>): Promise<CheckResult> => {
  try {
    return await check()
  } catch {
    return { status: 'unknown', detail: { reason: 'check failed' } }
  }
}

async function runChecks(payload: Payload): Promise<HealthReport> {
  const { health, jobsRunInWebProcess } = observabilitySettings(payload.config)
  const database = await checkDatabase(payload, health.databaseTimeoutMs)
  const reachable = database.status !== 'down'
  const [migrations, mail, jobs, worker] = reachable
    ? await Promise.all([
        settled(() => checkMigrations(payload)),
        settled(() => checkMail(payload)),
        settled(() => checkJobs(payload, health.jobsDegradedAfterSeconds)),
        settled(() => checkWorker(payload, health.workerDegradedAfterSeconds, jobsRunInWebProcess)),
      ])
    : [NOT_CHECKED, NOT_CHECKED, NOT_CHECKED, NOT_CHECKED]
  const checks = { database, migrations, mail, jobs, worker }
  return { status: overallStatus(checks), checkedAt: getClock(payload).now().toISOString(), checks }
}

/**
 * Load balancers and monitors may call this often, and anonymously: callers arriving while a run
 * is under way share its result, so the database sees at most one set of checks at a time per
 * instance, however many calls come in.
 */
const running = new WeakMap<Payload, Promise<HealthReport>>()
export function healthReport(payload: Payload): Promise<HealthReport> {
  let report = running.get(payload)
  if (!report) {
    report = runChecks(payload).finally(() => running.delete(payload))
    running.set(payload, report)
  }
  return report
}

/** Anonymous callers see each check's status, not the numbers, error codes or migration names behind it. */
export const withoutDetail = (report: HealthReport) => ({
  status: report.status,
  checks: Object.fromEntries(Object.entries(report.checks).map(([name, check]) => [name, { status: check.status }])),
})
