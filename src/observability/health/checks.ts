export type HealthStatus = 'ok' | 'degraded' | 'down'

/** One check's verdict. `detail` is for staff and the metrics token only (health/report.ts). */
export interface CheckResult {
  status: HealthStatus | 'unknown'
  detail?: Record<string, unknown>
}

export const TIMED_OUT = Symbol('timed out')

export const withTimeout = <T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> => {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

/** The worst check decides: a check that could not run (`unknown`) counts as degraded. */
export const overallStatus = (checks: Record<string, CheckResult>): HealthStatus => {
  const statuses = Object.values(checks).map((check) => check.status)
  if (statuses.includes('down')) return 'down'
  return statuses.some((status) => status !== 'ok') ? 'degraded' : 'ok'
}
