import { sql } from '@payloadcms/db-postgres/drizzle'
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import type { Clock } from '../../utilities/clock'

type Custom = { clock?: Clock; paymentsConfigured?: boolean }
type Runner = { execute: (query: ReturnType<typeof sql>) => Promise<unknown> }

/** Tables whose rows Payload stamps with the machine's time (`createdAt`/`updatedAt`), not the app clock. */
const STAMPED_TABLES = ['enrollments', 'payments', 'stripe_events', 'attendance', 'certificates'] as const

/**
 * Runs `work` with the app clock reading `instant`: the demo history (a registration three weeks
 * ago, a payment, a reminder sent the day before a webinar that is now over) goes through the
 * product's own functions as they ran at that moment, so the registration window, early-bird
 * price, hold time, cancellation and email times are the product's own answers for that instant.
 *
 * Two things are set for the duration and put back after:
 * - `custom.clock` (the injected clock every rule asks: `getClock`), and
 * - `custom.paymentsConfigured`: the demo's paid registrations are history that Stripe settled
 *   (the seed then replays Stripe's own events through the webhook's functions, see stripeHistory.ts),
 *   so the "payments are not configured" gate, which protects *new* sales on an Aula without Stripe
 *   keys, does not apply to them. No call to Stripe is made.
 * This is only safe because the seed runs alone (`npm run seed`, or `npm run dev` before Next starts,
 * or a test's own Payload): nothing else reads that config meanwhile.
 *
 * Payload itself stamps `createdAt`/`updatedAt` with the machine's time; rows written during the
 * step get the step's instant instead (see `restampSince`), so "registered on" and the dashboard's
 * weekly and monthly charts show when the step happened.
 */
export async function replayAt<T>(payload: Payload, instant: Date, work: (req: PayloadRequest) => Promise<T>): Promise<T> {
  const startedAt = new Date()
  try {
    return await atClock(payload, instant, work)
  } finally {
    await restampSince(payload, startedAt, instant)
  }
}

/** The clock swap alone (for the worker's delivery of an email at its due time: email rows use the app clock already). */
export async function atClock<T>(payload: Payload, instant: Date, work: (req: PayloadRequest) => Promise<T>): Promise<T> {
  const custom = payload.config.custom as Custom
  const saved = { clock: custom.clock, paymentsConfigured: custom.paymentsConfigured }
  custom.clock = { now: () => new Date(instant) }
  custom.paymentsConfigured = true
  try {
    return await work(await createLocalReq({}, payload))
  } finally {
    custom.clock = saved.clock
    custom.paymentsConfigured = saved.paymentsConfigured
  }
}

/** Rows created or changed since `since` (by the machine's clock) take `instant` as their stamp. */
async function restampSince(payload: Payload, since: Date, instant: Date): Promise<void> {
  const db = (payload.db as unknown as { drizzle: Runner }).drizzle
  const from = since.toISOString()
  const to = instant.toISOString()
  for (const table of STAMPED_TABLES) {
    await db.execute(sql`
      UPDATE ${sql.identifier(table)}
         SET created_at = CASE WHEN created_at >= ${from}::timestamptz THEN ${to}::timestamptz ELSE created_at END,
             updated_at = ${to}::timestamptz
       WHERE updated_at >= ${from}::timestamptz OR created_at >= ${from}::timestamptz`)
  }
}
