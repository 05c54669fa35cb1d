import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildConfig, getPayload, type Payload } from 'payload'

import type { Role } from '../../src/access'
import { createAulaConfig } from '../../src/config/createAulaConfig'
import { readEnv, type AulaEnv } from '../../src/config/env'
import { closePayload } from '../../src/db/closePayload'
import type { ObservabilitySettings } from '../../src/observability/settings'
import { readRateLimits, type RateLimitSettings } from '../../src/rateLimit/rules'
import { ApiClient } from './api'
import { ManualClock } from './manualClock'
import { createTestDatabase } from './testDatabase'

export interface TestAula {
  payload: Payload
  api: ApiClient
  clock: ManualClock
  /** This instance's database, for a process of its own (a worker) to share. */
  databaseUri: string
  /** Temporary folder holding this instance's uploads. */
  mediaDir: string
  /** Creates a verified user with `roles` and returns it with a login token. */
  createUser(roles: Role[], overrides?: Record<string, unknown>): Promise<{ id: number; email: string; password: string; token: string }>
  close(): Promise<void>
}

export interface StartOptions {
  clock?: ManualClock
  smtpTransport?: Record<string, unknown>
  poolMax?: number
  /** Stripe settings (`env.stripe`), e.g. pointing at `startStripeStandIn()`; unset = payments not configured. */
  stripe?: { secretKey: string; webhookSecret: string | null; apiUrl?: string }
  paymentHoldMinutes?: number
  /** A database of the caller's (already holding the schema) instead of a fresh clone of the template; it is not dropped on close. */
  databaseUri?: string
  /** Rate limits are off unless a test is about them (most tests make many requests from one "IP"). */
  rateLimits?: RateLimitSettings
  /** Log capture, a metrics token, health thresholds (src/observability/settings.ts). */
  observability?: Partial<ObservabilitySettings>
  /** Object storage for uploads (`env.s3`), e.g. an in-process s3rver; unset = a temporary folder. */
  s3?: AulaEnv['s3']
}

let userCounter = 0
/** One line per request would bury a failing test's output: warnings and errors only, unless LOG_LEVEL says otherwise or a test captures the lines. */
const quietLogs = (process.env.LOG_LEVEL || 'warn') as ObservabilitySettings['logLevel']

/** One Aula per test file: its own database cloned from the template, the real config, the real route handlers. */
export async function startTestAula(options: StartOptions = {}): Promise<TestAula> {
  const database = options.databaseUri ? { uri: options.databaseUri, drop: async () => undefined } : await createTestDatabase()
  const clock = options.clock ?? new ManualClock()
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aula-test-media-'))
  const base = readEnv()
  const env = {
    ...base,
    databaseUri: database.uri,
    serverUrl: 'http://localhost:3000',
    mediaDir,
    // Next's route handlers start Payload's crons on first use; with autoRun on, jobs would then run
    // in the background and race the tests' own `payload.jobs.run()`. Tests run the queue themselves.
    jobsAutorun: false,
    // Never the developer's own Stripe keys: a test file opts in with a stand-in.
    stripe: options.stripe ?? null,
    paymentHoldMinutes: options.paymentHoldMinutes ?? base.paymentHoldMinutes,
    // Never the developer's own bucket either.
    s3: options.s3 ?? null,
  }
  const config = await buildConfig(
    createAulaConfig({ env, clock, push: false, smtpTransport: options.smtpTransport, poolMax: options.poolMax, observability: { logLevel: quietLogs, ...options.observability } }),
  )
  const payload = await getPayload({ config, cron: false })
  const rateLimits = options.rateLimits ?? { ...readRateLimits({}), enabled: false }
  const api = new ApiClient(config, env.serverUrl, rateLimits)

  return {
    payload,
    api,
    clock,
    databaseUri: database.uri,
    mediaDir,
    async createUser(roles, overrides = {}) {
      userCounter += 1
      const email = `${roles.join('-')}-${userCounter}-${Date.now()}@test.aula`
      const password = 'correct horse battery'
      const user = await payload.create({
        collection: 'users',
        overrideAccess: true,
        disableVerificationEmail: true,
        data: { email, password, roles, firstName: 'Test', lastName: roles.join(' '), _verified: true, ...overrides },
      })
      const token = await api.login(String(user.email), password)
      return { id: user.id as number, email: String(user.email), password, token }
    },
    async close() {
      await closePayload(payload)
      await database.drop()
      fs.rmSync(mediaDir, { recursive: true, force: true })
    },
  }
}
