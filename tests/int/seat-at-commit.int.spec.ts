import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import pg from 'pg'

import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'
import { recordStatements } from '../helpers/countStatements'

/**
 * A registration takes its seat at commit (src/enrollment/seatAtCommit.ts, docs/decisions/0030): it
 * guesses from an unlocked read and locks the item only as its last step. These tests hold the item's
 * row lock from outside, let a registration write everything and wait at that last step, change the
 * row as a concurrent registration or a staff member would, then let it go: the guess is wrong, and the
 * answer must still be the one a fully serialised registration would give, with nothing of the wrong
 * guess left behind.
 */
const METRICS_TOKEN = 'seat-at-commit-metrics-token-0123456789'
let aula: TestAula
let outside: pg.Client

beforeAll(async () => {
  aula = await startTestAula({ observability: { metricsToken: METRICS_TOKEN } })
  outside = new pg.Client({ connectionString: aula.databaseUri })
  await outside.connect()
})

afterAll(async () => {
  await outside.end()
  await aula.close()
})

let counter = 0
const person = () => {
  counter += 1
  return { email: `asiento-${counter}-${Date.now()}@example.com`, firstName: 'Elena', lastName: `Prueba ${counter}` }
}

/** Holds the webinar's row lock in another session while `meanwhile` changes the row; the registration waits for it at its last step. */
async function registerWhileLocked(webinarId: number, body: Record<string, unknown>, meanwhile: string) {
  await outside.query('BEGIN')
  await outside.query('SELECT 1 FROM webinars WHERE id = $1 FOR NO KEY UPDATE', [webinarId])
  const answer = aula.api.post(`/webinars/${webinarId}/register`, body)
  // Wait until the registration has written everything and is queued on the lock this session holds.
  for (let tries = 0; ; tries += 1) {
    const { rows } = await outside.query<{ waiting: number }>(`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE pg_backend_pid() = ANY (pg_blocking_pids(pid))`)
    if (rows[0]!.waiting > 0) break
    if (tries > 400) throw new Error('the registration never reached the item lock')
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  await outside.query(meanwhile, [webinarId])
  await outside.query('COMMIT')
  return answer
}

const emailsTo = async (email: string) =>
  (await outside.query<{ template_key: string }>('SELECT template_key FROM email_log WHERE "to" = $1 ORDER BY id', [email])).rows.map((row) => row.template_key)
const seatsTaken = async (webinarId: number) => Number((await outside.query('SELECT seats_taken FROM webinars WHERE id = $1', [webinarId])).rows[0].seats_taken)
const usersWith = async (email: string) => Number((await outside.query('SELECT count(*) FROM users WHERE email = $1', [email])).rows[0].count)
const enrollmentAudits = async (enrollmentId: number) =>
  Number((await outside.query(`SELECT count(*) FROM audit_log WHERE collection_slug = 'enrollments' AND document_id = $1`, [String(enrollmentId)])).rows[0].count)

describe('a seat guessed from an unlocked read', () => {
  it('the last seat taken meanwhile: the registration is waitlisted, told so once, and nothing of the confirmed guess remains', async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 1 })
    const body = person()
    const answer = await registerWhileLocked(webinar.id, body, 'UPDATE webinars SET seats_taken = 1 WHERE id = $1')
    expect(answer.status).toBe(201)
    expect(answer.body.doc.status).toBe('waitlisted')
    expect(await seatsTaken(webinar.id)).toBe(1)
    expect(await emailsTo(body.email)).toEqual(['enrollment_waitlisted'])
    expect(await usersWith(body.email)).toBe(1)
    expect(await enrollmentAudits(answer.body.doc.id)).toBe(1)
  })

  it('a seat freed meanwhile: the registration guessed the waitlist and gets the seat', async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 1 })
    expect((await aula.api.post(`/webinars/${webinar.id}/register`, person())).body.doc.status).toBe('confirmed')
    const body = person()
    const answer = await registerWhileLocked(webinar.id, body, 'UPDATE webinars SET seats_taken = 0 WHERE id = $1')
    expect(answer.status).toBe(201)
    expect(answer.body.doc.status).toBe('confirmed')
    expect(await seatsTaken(webinar.id)).toBe(1)
    // The confirmation and its planned reminders; nothing of the waitlisted guess.
    const emails = await emailsTo(body.email)
    expect(emails[0]).toBe('enrollment_confirmed')
    expect(emails).toEqual(expect.arrayContaining(['webinar_reminder_24h', 'webinar_reminder_1h']))
    expect(emails).not.toContain('enrollment_waitlisted')
  })

  it('the webinar cancelled by staff meanwhile: the registration is refused like any late one, and leaves no account behind', async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 10 })
    const body = person()
    const answer = await registerWhileLocked(webinar.id, body, `UPDATE webinars SET status = 'cancelled' WHERE id = $1`)
    expect(answer.status).toBe(409)
    expect(await seatsTaken(webinar.id)).toBe(0)
    expect(await usersWith(body.email)).toBe(0)
    expect(await emailsTo(body.email)).toEqual([])
  })

  it('an uncontended registration holds the item lock for a few milliseconds, as /api/metrics shows', async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 10 })
    const before = await lockFigures()
    for (let index = 0; index < 5; index += 1) expect((await aula.api.post(`/webinars/${webinar.id}/register`, person())).status).toBe(201)
    const after = await lockFigures()
    expect(after.count - before.count).toBe(5)
    // Generous for a busy test machine; docs/benchmarks.md has the measured figures under load.
    expect((after.sum - before.sum) / 5).toBeLessThan(0.05)
    expect(after.missed).toBeGreaterThanOrEqual(2)
  })
})

describe('the commit that settles the seat ends the transaction', () => {
  it('no second COMMIT follows it to PostgreSQL, the connection is the pool’s again, and the next transactions commit as usual', async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 10 })
    const body = person()
    const { result, texts } = await recordStatements(aula.payload, () => aula.api.post(`/webinars/${webinar.id}/register`, body))
    expect(result.status).toBe(201)
    expect(texts.filter((text) => /\bCOMMIT;/.test(text))).toHaveLength(1)
    expect(texts.filter((text) => /^\s*(commit|rollback)\s*$/i.test(text))).toEqual([])
    expect(await seatsTaken(webinar.id)).toBe(1)
    expect(await usersWith(body.email)).toBe(1)
    // Every connection of the pool answers every statement from PostgreSQL again.
    const clients = (aula.payload.db as unknown as { pool: { _clients: object[] } }).pool._clients
    expect(clients.filter((client) => Object.hasOwn(client, 'query'))).toEqual([])
    // Payload's own transactions on those connections still commit: a staff edit, read back from outside.
    for (let index = 0; index < 12; index += 1) {
      await aula.payload.update({ collection: 'webinars', id: webinar.id, data: { summary: `Edición ${index}` } as never, overrideAccess: true })
    }
    expect((await outside.query('SELECT summary FROM webinars WHERE id = $1', [webinar.id])).rows[0].summary).toBe('Edición 11')
  })
})

async function lockFigures() {
  const text = (await aula.api.get('/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text
  const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? 0)
  return {
    count: value(/^aula_seat_lock_held_seconds_count\{item="webinars"\} (\S+)$/m),
    sum: value(/^aula_seat_lock_held_seconds_sum\{item="webinars"\} (\S+)$/m),
    missed: value(/^aula_seat_guesses_missed_total\{item="webinars"\} (\S+)$/m),
  }
}
