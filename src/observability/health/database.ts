import type { Payload } from 'payload'

import { migrations } from '../../migrations'
import { poolOf } from '../database'
import { type CheckResult, TIMED_OUT, withTimeout } from './checks'

/**
 * `down` when PostgreSQL refuses or drops the connection: this instance cannot serve anything.
 * Slow (no answer within HEALTH_DATABASE_TIMEOUT_MS) is only `degraded`: every instance shares the
 * database, and taking them all out of the load balancer for slowness turns a slowdown into an outage.
 */
export async function checkDatabase(payload: Payload, timeoutMs: number): Promise<CheckResult> {
  const started = performance.now()
  try {
    const answer = await withTimeout(poolOf(payload).query('SELECT 1'), timeoutMs)
    const latencyMs = Math.round(performance.now() - started)
    if (answer === TIMED_OUT) return { status: 'degraded', detail: { reason: `no answer within ${timeoutMs} ms` } }
    return { status: 'ok', detail: { latencyMs } }
  } catch (error) {
    return { status: 'down', detail: { reason: 'unreachable', code: (error as { code?: unknown }).code ?? null } }
  }
}

/** Payload writes this row when it pushes the schema straight from the config (embedded development databases). */
const PUSHED_SCHEMA_ROW = 'dev'

/**
 * Every migration this code ships (src/migrations/index.ts) must be applied, or its queries will
 * meet a schema they were not written for: `down`. A database that holds migrations this code does
 * not know is fine (a newer release migrated it first during a rolling deploy). On an embedded
 * database whose schema is pushed from the config there are no migrations to compare.
 */
export async function checkMigrations(payload: Payload): Promise<CheckResult> {
  if ((payload.db as { push?: boolean }).push) return { status: 'ok', detail: { schema: 'pushed from the config (embedded database); migrations not compared' } }
  let applied: string[]
  try {
    const { rows } = await poolOf(payload).query<{ name: string }>('SELECT name FROM payload_migrations')
    applied = rows.map((row) => row.name)
  } catch (error) {
    if ((error as { code?: string }).code !== '42P01') throw error
    applied = [] // no payload_migrations table: nothing was ever migrated
  }
  if (applied.includes(PUSHED_SCHEMA_ROW)) return { status: 'ok', detail: { schema: 'pushed from the config (development database); migrations not compared' } }
  const pending = migrations.map((migration) => migration.name).filter((name) => !applied.includes(name))
  return pending.length ? { status: 'down', detail: { pending } } : { status: 'ok', detail: { applied: migrations.length } }
}
