import { EnvError } from '../config/env'

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

/** What the health check, the logs and the metrics read from the environment (`.env.example`, docs/operations.md). */
export interface ObservabilitySettings {
  /** Bearer token for GET /api/metrics; null = the endpoint answers 404. */
  metricsToken: string | null
  logLevel: LogLevel
  /** JSON lines instead of pino-pretty's readable lines (always in production). */
  jsonLogs: boolean
  /** Where log lines go instead of stdout (tests capture them). */
  logDestination?: { write(line: string): void }
  /** True when the web process runs jobs itself (JOBS_AUTORUN): no separate worker is expected. */
  jobsRunInWebProcess: boolean
  health: {
    /** A due job waiting longer than this makes health `degraded`. */
    jobsDegradedAfterSeconds: number
    /** No worker heartbeat for this long makes health `degraded`. */
    workerDegradedAfterSeconds: number
    /** A database that has not answered `SELECT 1` within this is reported slow (`degraded`). */
    databaseTimeoutMs: number
  }
}

type Env = Record<string, string | undefined>

const seconds = (name: string, value: string | undefined, fallback: number): number => {
  if (value === undefined || value.trim() === '') return fallback
  const parsed = Number(value)
  if (!Number.isSafeInteger(parsed) || parsed < 1) throw new EnvError(`${name} must be a whole number of at least 1 (got "${value}").`)
  return parsed
}

export function readObservabilitySettings(env: Env, { isProduction, jobsAutorun }: { isProduction: boolean; jobsAutorun: boolean }): ObservabilitySettings {
  const level = (env.LOG_LEVEL || 'info').toLowerCase()
  if (!(LOG_LEVELS as readonly string[]).includes(level)) throw new EnvError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${env.LOG_LEVEL}").`)
  return {
    metricsToken: env.METRICS_TOKEN?.trim() || null,
    logLevel: level as LogLevel,
    jsonLogs: isProduction,
    jobsRunInWebProcess: jobsAutorun,
    health: {
      jobsDegradedAfterSeconds: seconds('HEALTH_JOBS_DEGRADED_AFTER_SECONDS', env.HEALTH_JOBS_DEGRADED_AFTER_SECONDS, 300),
      workerDegradedAfterSeconds: seconds('HEALTH_WORKER_DEGRADED_AFTER_SECONDS', env.HEALTH_WORKER_DEGRADED_AFTER_SECONDS, 60),
      databaseTimeoutMs: seconds('HEALTH_DATABASE_TIMEOUT_MS', env.HEALTH_DATABASE_TIMEOUT_MS, 2_000),
    },
  }
}

export const observabilitySettings = (config: { custom?: Record<string, any> }): ObservabilitySettings =>
  config.custom?.observability as ObservabilitySettings
