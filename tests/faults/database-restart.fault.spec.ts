import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import pg from 'pg'

import { readRateLimits } from '../../src/rateLimit/rules'
import type { ApiResponse } from '../helpers/api'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'
import { startDedicatedPostgres, type DedicatedPostgres } from '../helpers/dedicatedPostgres'

/**
 * PostgreSQL stops in the middle of a registration burst and comes back: while it is down Aula
 * answers 503 with Retry-After (never a 500, never a hung request), it recovers without a restart,
 * and no enrollment is half written.
 */
let postgres: DedicatedPostgres
let aula: TestAula

beforeAll(async () => {
  postgres = await startDedicatedPostgres()
  // Rate limits on, as in production: their counters live in the same database.
  aula = await startTestAula({ databaseUri: postgres.uri, rateLimits: readRateLimits({}) })
}, 120_000)

afterAll(async () => {
  await aula?.close().catch(() => undefined)
  await postgres?.destroy()
})

const REQUEST_TIMEOUT_MS = 20_000
const withTimeout = <T>(promise: Promise<T>, label: string) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${label} hung for ${REQUEST_TIMEOUT_MS} ms`)), REQUEST_TIMEOUT_MS))])

interface Attempt {
  email: string
  response: ApiResponse
  phase: 'before' | 'down' | 'after'
}

describe('PostgreSQL restarted during a registration burst', () => {
  it('answers 503 while it is down, recovers by itself, and leaves every enrollment whole', async () => {
    const webinar = await createWebinar(aula.payload, { title: 'Webinar sin base de datos', capacity: 40 })
    let person = 0
    const attempts: Attempt[] = []
    let phase: Attempt['phase'] = 'before'
    const register = async () => {
      person += 1
      const email = `rafaga-${person}@example.com`
      const at = phase
      const response = await withTimeout(
        aula.api.post(`/webinars/${webinar.id}/register`, { email, firstName: 'Ráfaga', lastName: `${person}` }, { headers: { 'x-forwarded-for': `203.0.113.${person % 250}` } }),
        `registration ${person}`,
      )
      attempts.push({ email, response, phase: at })
      return response
    }
    /** Ten at a time, like a busy website, until `done` says stop. */
    const burst = async (done: () => boolean) => {
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          while (!done()) await register()
        }),
      )
    }

    await burst(() => attempts.length >= 30)
    // Stop the server while ten registrations are in flight.
    phase = 'down'
    const stopping = postgres.stop()
    await burst(() => attempts.filter((attempt) => attempt.phase === 'down').length >= 30)
    await stopping
    const readWhileDown = await withTimeout(aula.api.get('/webinars'), 'catalog read')
    const graphqlWhileDown = await withTimeout(aula.api.graphql('{ Webinars { docs { id } } }'), 'GraphQL read')

    await postgres.restart()
    phase = 'after'
    await burst(() => attempts.filter((attempt) => attempt.phase === 'after').length >= 30)

    // Never a 500 (or any 5xx other than 503); every answer came back.
    const statuses = attempts.map((attempt) => attempt.response.status)
    expect(statuses.filter((status) => status >= 500 && status !== 503)).toEqual([])
    const unavailable = attempts.filter((attempt) => attempt.response.status === 503)
    expect(unavailable.length).toBeGreaterThan(0)
    for (const { response } of [...unavailable, { response: readWhileDown }]) {
      expect(response.status).toBe(503)
      expect(response.headers.get('retry-after')).toBe('5')
      expect(response.body.errors[0].message).toMatch(/database is unavailable/i)
    }
    // GraphQL keeps its 200 with errors (GraphQL over HTTP); each error says 503 and why.
    expect(graphqlWhileDown.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/database is unavailable/i), extensions: { statusCode: 503 } })
    expect(graphqlWhileDown.headers.get('retry-after')).toBe('5')
    // Recovered without restarting the app: the last registrations all went through.
    expect(attempts.filter((attempt) => attempt.phase === 'after').slice(-10).map((attempt) => attempt.response.status)).toEqual(Array(10).fill(201))

    // Nothing half written: the seat counter matches the enrollments, every enrollment has its person and its email.
    const client = new pg.Client({ connectionString: postgres.uri })
    await client.connect()
    try {
      const { rows: [seats] } = await client.query('SELECT seats_taken, capacity FROM webinars WHERE id = $1', [webinar.id])
      // Each enrollment is registered with its status email in the same transaction (dedupe key `enrollment_<status>:<id>`).
      const { rows: enrollments } = await client.query(
        `SELECT e.id, e.status, u.email,
                (SELECT count(*) FROM email_log l WHERE l.dedupe_key = 'enrollment_' || e.status || ':' || e.id) AS emails
           FROM enrollments e
           JOIN enrollments_rels item ON item.parent_id = e.id AND item.path = 'item' AND item.webinars_id = $1
           LEFT JOIN users u ON u.id = e.user_id`,
        [webinar.id],
      )
      const taking = enrollments.filter((row) => row.status === 'confirmed')
      expect(Number(seats.seats_taken)).toBe(taking.length)
      expect(taking.length).toBeLessThanOrEqual(Number(seats.capacity))
      for (const row of enrollments) {
        expect(row.email).toBeTruthy()
        expect(Number(row.emails)).toBe(1)
      }
      // Every registration that was told 201 is there, as it was told.
      const byEmail = new Map(enrollments.map((row) => [row.email, row]))
      for (const attempt of attempts.filter((a) => a.response.status === 201)) {
        expect(byEmail.get(attempt.email)?.status).toBe(attempt.response.body.doc.status)
      }
    } finally {
      await client.end()
    }
  }, 180_000)
})
