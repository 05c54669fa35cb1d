import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { sql } from '@payloadcms/db-postgres/drizzle'
import { createLocalReq } from 'payload'
import pg from 'pg'

import { readItem } from '../../src/enrollment/items'
import { poolDrizzle, rowsOf } from '../../src/email/database'
import { notifyIfWaitlistForming } from '../../src/notifications/triggers/seats'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'

// Every waitlisted registration asks whether someone was waiting before it (src/notifications/triggers/seats.ts).
// Under a burst that question ran 900 times on a growing waitlist; a plan joining every waitlisted enrollment
// with every row of the item made each ask compare ~waitlist × item rows, and PostgreSQL's CPU went there.
// The work must stay bounded by the item's size whatever plan the planner picks (its statistics lag a burst).

let aula: TestAula
const WAITING = 400

beforeAll(async () => {
  aula = await startTestAula()
})

afterAll(async () => {
  await aula.close()
})

type PlanNode = { 'Actual Rows'?: number; 'Actual Loops'?: number; 'Rows Removed by Filter'?: number; 'Rows Removed by Join Filter'?: number; 'Rows Removed by Index Recheck'?: number; Plans?: PlanNode[] }

/** Every row the executor produced or threw away, over all loops: the statement's work. */
const rowsTouched = (node: PlanNode): number =>
  ((node['Actual Rows'] ?? 0) + (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Join Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0)) * (node['Actual Loops'] ?? 1) +
  (node.Plans ?? []).reduce((sum, child) => sum + rowsTouched(child), 0)

/** The statement `work` sends that mentions `marker`, with its parameters. */
async function captureStatement(marker: string, work: () => Promise<unknown>): Promise<{ text: string; values: unknown[] }> {
  const prototype = (aula.payload.db as unknown as { pool: { Client: { prototype: { query: (...args: unknown[]) => unknown } } } }).pool.Client.prototype
  const original = prototype.query
  let captured: { text: string; values: unknown[] } | undefined
  prototype.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text?: string; values?: unknown[] }
    const text = typeof first === 'string' ? first : String(first?.text ?? '')
    if (text.includes(marker)) captured = { text, values: (typeof first === 'object' && first.values ? first.values : (args[1] as unknown[])) ?? [] }
    return original.apply(this, args)
  }
  try {
    await work()
  } finally {
    prototype.query = original
  }
  if (!captured) throw new Error(`no statement mentioning ${marker}`)
  return captured
}

/** The most times any step of the plan ran: a step run once per row of another is how the work became quadratic. */
const mostLoops = (node: PlanNode): number => Math.max(node['Actual Loops'] ?? 1, ...(node.Plans ?? []).map(mostLoops))

/** Planner settings that make it choose the plans a lagging estimate would: nested loops, no hashing, no sorting away. */
const PLANNER_SHAPES = [
  [],
  ['SET enable_hashjoin = off', 'SET enable_mergejoin = off'],
  ['SET enable_hashjoin = off', 'SET enable_mergejoin = off', 'SET enable_indexscan = off'],
  ['SET enable_hashjoin = off', 'SET enable_mergejoin = off', 'SET enable_seqscan = off'],
]

/** `count` copies of one of `from`'s enrollments in `status`, as enrollments of `to` with `toStatus` (no active key: one person, many rows). */
async function copyEnrollments(from: number, status: string, to: number, toStatus: string, count: number): Promise<void> {
  await poolDrizzle(aula.payload).execute(sql`
    WITH source AS (
      SELECT e.* FROM enrollments e JOIN enrollments_rels r ON r.parent_id = e.id AND r.path = 'item'
       WHERE r.webinars_id = ${from} AND e.status = ${status} LIMIT 1
    ), copies AS (
      INSERT INTO enrollments (user_id, status, payment_status, amount, currency, price_tier, source, search_text, updated_at, created_at)
      SELECT user_id, ${toStatus}::enum_enrollments_status, payment_status, amount, currency, price_tier, source, search_text, updated_at, created_at
        FROM source, generate_series(1, ${count})
      RETURNING id
    )
    INSERT INTO enrollments_rels (parent_id, path, webinars_id, "order") SELECT id, 'item', ${to}, NULL FROM copies`)
}

describe("the check a waitlisted registration makes before telling editors a waitlist is forming", () => {
  it(`runs each step once and touches rows linear in the tables with ${WAITING} people waiting, under every planner shape`, async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 1 })
    for (const email of ['primera@example.com', 'segunda@example.com']) {
      expect((await aula.api.post(`/webinars/${webinar.id}/register`, { email, firstName: 'Ana', lastName: 'Ríos' })).status).toBe(201)
    }
    // Statistics taken while nobody waits (many confirmed seats elsewhere, one waitlisted), then a waitlist that
    // grows before the next ANALYZE: the planner's picture during a burst on a filling item.
    const db = poolDrizzle(aula.payload)
    await db.execute(sql`ALTER TABLE enrollments SET (autovacuum_enabled = false); ALTER TABLE enrollments_rels SET (autovacuum_enabled = false)`)
    const other = await createWebinar(aula.payload, { capacity: 10_000 })
    await copyEnrollments(webinar.id, 'waitlisted', other.id, 'confirmed', 600)
    await db.execute(sql`ANALYZE enrollments; ANALYZE enrollments_rels`)
    await copyEnrollments(webinar.id, 'waitlisted', webinar.id, 'waitlisted', WAITING - 1)
    const newest = Number(rowsOf<{ id: number }>(await db.execute(sql`SELECT max(id) AS id FROM enrollments`))[0]!.id)
    const itemRows = Number(rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM enrollments_rels WHERE webinars_id = ${webinar.id}`))[0]!.n)
    const tableRows = Number(rowsOf<{ n: number }>(await db.execute(sql`SELECT (SELECT count(*) FROM enrollments) + (SELECT count(*) FROM enrollments_rels) AS n`))[0]!.n)

    const req = await createLocalReq({}, aula.payload)
    const item = (await readItem(req, 'webinars', webinar.id))!
    const statement = await captureStatement("'waitlisted'", () => notifyIfWaitlistForming(req, item, newest + 1))

    const client = new pg.Client({ connectionString: aula.databaseUri })
    await client.connect()
    try {
      for (const shape of PLANNER_SHAPES) {
        await client.query('BEGIN')
        for (const setting of shape) await client.query(setting.replace('SET', 'SET LOCAL'))
        const { rows } = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${statement.text}`, statement.values)
        await client.query('ROLLBACK')
        const plan = (rows[0]['QUERY PLAN'] as [{ Plan: PlanNode }])[0].Plan
        // Linear at worst (a few passes over each table: index entries, heap rows, a sort); the quadratic plan
        // touched about WAITING × itemRows (160,000 here).
        expect({ shape, linear: rowsTouched(plan) <= 5 * tableRows, mostLoops: mostLoops(plan) }).toEqual({ shape, linear: true, mostLoops: 1 })
      }
    } finally {
      await client.end()
    }
    expect(itemRows).toBe(WAITING + 1)
  })
})
