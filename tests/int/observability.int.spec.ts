import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { getPayload } from 'payload'

import { observabilitySettings } from '../../src/observability/settings'
import { withRequestTracing } from '../../src/observability/withRequestTracing'
import { recordWorkerHeartbeat } from '../../src/observability/workerHeartbeat'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'
import { startDedicatedPostgres, type DedicatedPostgres } from '../helpers/dedicatedPostgres'
import { ManualClock } from '../helpers/manualClock'

/**
 * Operations: GET /api/health, X-Request-Id, one JSON log line per request, GET /api/metrics.
 * The file has a PostgreSQL of its own so the last test can stop it.
 */
const METRICS_TOKEN = 'metrics-token-for-tests-0123456789'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

const logLines: Record<string, any>[] = []
const logDestination = {
  write(chunk: string) {
    for (const line of chunk.split('\n')) if (line.trim()) logLines.push(JSON.parse(line))
  },
}
const linesOf = (requestId: string) => logLines.filter((line) => line.requestId === requestId)
const requestLinesOf = (requestId: string) => linesOf(requestId).filter((line) => typeof line.status === 'number')

let postgres: DedicatedPostgres
let aula: TestAula
const clock = new ManualClock()
let admin: Awaited<ReturnType<TestAula['createUser']>>

beforeAll(async () => {
  postgres = await startDedicatedPostgres()
  aula = await startTestAula({ databaseUri: postgres.uri, clock, observability: { metricsToken: METRICS_TOKEN, logDestination, jsonLogs: true, logLevel: 'info' } })
  admin = await aula.createUser(['admin'])
}, 120_000)

afterAll(async () => {
  await aula?.close().catch(() => undefined)
  await postgres?.destroy()
})

describe('GET /api/health', () => {
  it('answers ok on a healthy instance, and anonymous callers see statuses but no detail', async () => {
    await recordWorkerHeartbeat(aula.payload)
    const response = await aula.api.get('/health')
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.body).toEqual({
      status: 'ok',
      checks: { database: { status: 'ok' }, migrations: { status: 'ok' }, mail: { status: 'ok' }, jobs: { status: 'ok' }, worker: { status: 'ok' } },
    })
  })

  it('gives admins and the metrics token the detail behind each check', async () => {
    for (const headers of [{ authorization: `JWT ${admin.token}` }, { authorization: `Bearer ${METRICS_TOKEN}` }]) {
      const response = await aula.api.get('/health', { headers })
      expect(response.status).toBe(200)
      expect(response.body.checks.database.detail.latencyMs).toEqual(expect.any(Number))
      expect(response.body.checks.jobs.detail).toEqual({ oldestDueSeconds: 0, degradedAfterSeconds: 300 })
    }
  })

  it('is degraded (still 200) when no worker has ticked for over a minute', async () => {
    await recordWorkerHeartbeat(aula.payload)
    clock.advance(2 * 60_000)
    const response = await aula.api.get('/health')
    expect(response.status).toBe(200)
    expect(response.body.status).toBe('degraded')
    expect(response.body.checks.worker.status).toBe('degraded')
    await recordWorkerHeartbeat(aula.payload)
    expect((await aula.api.get('/health')).body.status).toBe('ok')
  })

  it('is degraded when a due job has waited more than five minutes', async () => {
    const job = await aula.payload.jobs.queue({ task: 'deleteFinishedJobs', input: {} })
    clock.advance(10 * 60_000)
    await recordWorkerHeartbeat(aula.payload)
    const response = await aula.api.get('/health', { token: admin.token })
    expect(response.status).toBe(200)
    expect(response.body.status).toBe('degraded')
    expect(response.body.checks.jobs).toEqual({ status: 'degraded', detail: { oldestDueSeconds: expect.any(Number), degradedAfterSeconds: 300 } })
    expect(response.body.checks.jobs.detail.oldestDueSeconds).toBeGreaterThanOrEqual(600)
    await aula.payload.delete({ collection: 'payload-jobs', id: job.id, overrideAccess: true })
    expect((await aula.api.get('/health')).body.status).toBe('ok')
  })

  it('is degraded while emails wait for an unreachable mail server', async () => {
    // The row deliverEmail leaves after a try that could not connect (src/email/deliverEmail.ts).
    const { rows } = await aula.payload.db.pool.query(
      `INSERT INTO email_log ("to", template_key, locale, status, attempts, last_error, dedupe_key)
       VALUES ('someone@example.com', 'enrollment_confirmed', 'es', 'queued', 1, 'Mail server unreachable: connect ECONNREFUSED 127.0.0.1:587', 'health-test')
       RETURNING id`,
    )
    const response = await aula.api.get('/health', { token: admin.token })
    expect(response.body.status).toBe('degraded')
    expect(response.body.checks.mail).toEqual({ status: 'degraded', detail: { waitingForMailServer: 1 } })
    await aula.payload.db.pool.query('DELETE FROM email_log WHERE id = $1', [rows[0].id])
  })

  it('is down (503) when a migration this code ships was never applied, and names it to admins only', async () => {
    // The dedicated database's schema was pushed (a `dev` row); without it, every shipped migration is pending.
    await aula.payload.db.pool.query(`UPDATE payload_migrations SET name = 'dev-hidden' WHERE name = 'dev'`)
    try {
      const anonymous = await aula.api.get('/health')
      expect(anonymous.status).toBe(503)
      expect(anonymous.body.checks.migrations).toEqual({ status: 'down' })
      const staff = await aula.api.get('/health', { token: admin.token })
      expect(staff.body.checks.migrations.detail.pending).toContain('20261123_210313_initial')
    } finally {
      await aula.payload.db.pool.query(`UPDATE payload_migrations SET name = 'dev' WHERE name = 'dev-hidden'`)
    }
  })
})

describe('request ids', () => {
  it('an X-Request-Id the caller sends comes back on the answer and in its log line', async () => {
    const response = await aula.api.get('/webinars', { headers: { 'x-request-id': 'lb-7f3a.42:abc' } })
    expect(response.status).toBe(200)
    expect(response.headers.get('x-request-id')).toBe('lb-7f3a.42:abc')
    expect(requestLinesOf('lb-7f3a.42:abc')).toEqual([expect.objectContaining({ method: 'GET', route: '/api/webinars', status: 200 })])
  })

  it('a frontend on an allowed origin may read it (exposed to CORS)', async () => {
    const response = await aula.api.get('/courses', { headers: { origin: 'http://localhost:3000' } })
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:3000')
    expect(response.headers.get('access-control-expose-headers')).toContain('X-Request-Id')
  })

  it.each([
    ['spaces and quotes', 'evil" id=1'],
    ['a 200-character value', 'x'.repeat(200)],
    ['an empty value', ''],
  ])('a request id with %s is replaced by a fresh one, so nobody forges log lines', async (_, forged) => {
    const response = await aula.api.get('/webinars', { headers: { 'x-request-id': forged } })
    expect(response.headers.get('x-request-id')).toMatch(UUID)
  })

  it('every answer carries one, and a JSON error body names it: REST 404, REST 400, GraphQL errors', async () => {
    const notFound = await aula.api.get('/webinars/999999')
    expect(notFound.status).toBe(404)
    expect(notFound.headers.get('x-request-id')).toMatch(UUID)
    expect(notFound.body.requestId).toBe(notFound.headers.get('x-request-id'))
    expect(notFound.body.errors).toEqual(expect.any(Array))

    const invalid = await aula.api.post('/webinars', { title: '' }, { token: admin.token })
    expect(invalid.status).toBe(400)
    expect(invalid.body.requestId).toBe(invalid.headers.get('x-request-id'))

    const graphql = await aula.api.graphql('{ Webinars { docs { noSuchField } } }')
    expect(graphql.body.errors).toEqual(expect.any(Array))
    expect(graphql.headers.get('x-request-id')).toMatch(UUID)
    expect((graphql.body as any).extensions.requestId).toBe(graphql.headers.get('x-request-id'))
  })

  it('answers made outside Payload (a 429 from the rate limiter, a crash) carry it too, and so does every line logged meanwhile', async () => {
    const config = aula.payload.config
    const tooMany = withRequestTracing(async () => {
      ;(await getPayload({ config })).logger.warn({ msg: 'counting this caller' })
      return Response.json({ errors: [{ message: 'Too many requests.' }] }, { status: 429, headers: { 'Retry-After': '5' } })
    }, config)
    const limited = await tooMany(new Request('http://localhost:3000/api/users/login', { method: 'POST', headers: { 'x-request-id': 'rate-1' } }))
    expect(limited.status).toBe(429)
    expect(limited.headers.get('x-request-id')).toBe('rate-1')
    expect(((await limited.json()) as any).requestId).toBe('rate-1')
    expect(linesOf('rate-1').map((line) => line.msg)).toEqual(['counting this caller', 'POST /api/users/login 429'])

    const crashing = withRequestTracing(async () => {
      throw new Error('a bug')
    }, config)
    const crashed = await crashing(new Request('http://localhost:3000/api/webinars', { headers: { 'x-request-id': 'crash-1' } }))
    expect(crashed.status).toBe(500)
    expect(((await crashed.json()) as any).requestId).toBe('crash-1')
    expect(linesOf('crash-1').map((line) => line.level)).toEqual(['error', 'error'])
  })
})

describe('request log lines', () => {
  it('one JSON line per request: method, route with ids, status, duration, user id and request id, and nothing personal', async () => {
    const student = await aula.createUser(['student'])
    const path = `/users/${student.id}?where[email][equals]=${encodeURIComponent(student.email)}&depth=0`
    const response = await aula.api.get(path, { token: student.token, headers: { 'x-request-id': 'log-1' } })
    expect(response.status).toBe(200)
    const lines = requestLinesOf('log-1')
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'info',
        time: expect.any(String),
        method: 'GET',
        route: `/api/users/${student.id}`,
        query: ['where', 'depth'],
        status: 200,
        durationMs: expect.any(Number),
        userId: student.id,
        requestId: 'log-1',
      }),
    ])
    const logged = JSON.stringify(linesOf('log-1'))
    expect(logged).not.toContain(student.email)
    expect(logged).not.toContain(student.token)
  })

  it('a login logs neither the email nor the password, and tokens in paths are not logged', async () => {
    const student = await aula.createUser(['student'])
    await aula.api.post('/users/login', { email: student.email, password: student.password }, { headers: { 'x-request-id': 'log-2' } })
    await aula.api.post('/users/verify/0123456789abcdef0123456789abcdef', undefined, { headers: { 'x-request-id': 'log-3' } })
    const logged = JSON.stringify([...linesOf('log-2'), ...linesOf('log-3')])
    expect(requestLinesOf('log-2')).toEqual([expect.objectContaining({ route: '/api/users/login', status: 200 })])
    expect(requestLinesOf('log-3')).toEqual([expect.objectContaining({ route: '/api/users/verify/:param' })])
    expect(logged).not.toContain(student.email)
    expect(logged).not.toContain(student.password)
    expect(logged).not.toContain('0123456789abcdef0123456789abcdef')
  })

  it('a forged token gives no user id', async () => {
    const student = await aula.createUser(['student'])
    const [header, body] = student.token.split('.')
    await aula.api.get('/webinars', { headers: { authorization: `JWT ${header}.${body}.forgedsignature`, 'x-request-id': 'log-4' } })
    expect(requestLinesOf('log-4')[0]!.userId).toBeUndefined()
  })
})

/** Prometheus' text format: `name{label="value",…} number` per line. */
const parseMetrics = (text: string) =>
  text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line)
      if (!match) throw new Error(`Not a Prometheus sample: ${line}`)
      const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, key, value]) => [key, value]))
      return { name: match[1]!, labels, value: Number(match[3]) }
    })

const scrape = async () => {
  const response = await aula.api.get('/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toContain('text/plain')
  const samples = parseMetrics(response.text)
  return (name: string, labels: Record<string, string> = {}) =>
    samples
      .filter((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value))
      .reduce((sum, sample) => sum + sample.value, 0)
}

describe('GET /api/metrics', () => {
  it('without METRICS_TOKEN configured the endpoint does not exist (404)', async () => {
    const settings = observabilitySettings(aula.payload.config)
    settings.metricsToken = null
    try {
      expect((await aula.api.get('/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status).toBe(404)
    } finally {
      settings.metricsToken = METRICS_TOKEN
    }
  })

  it('a scraper without the token, or with a wrong one, or a logged-in admin, gets 401 and no metrics', async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer wrong-token' }, { authorization: `JWT ${admin.token}` }]
    for (const headers of attempts) {
      const response = await aula.api.get('/metrics', { headers })
      expect(response.status).toBe(401)
      expect(response.text).not.toContain('aula_')
    }
  })

  it('counts requests by templated route and status, their latency, and registrations', async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 5 })
    const before = await scrape()
    expect((await aula.api.get(`/webinars/${webinar.id}`)).status).toBe(200)
    const registered = await aula.api.post(`/webinars/${webinar.id}/register`, { email: `metricas-${Date.now()}@example.com`, firstName: 'Mía', lastName: 'Métrica' })
    expect(registered.status).toBeLessThan(300)
    const after = await scrape()

    const read = { method: 'GET', route: '/api/webinars/:id', status: '200' }
    expect(after('aula_http_requests_total', read) - before('aula_http_requests_total', read)).toBe(1)
    expect(after('aula_http_request_duration_seconds_count', { route: '/api/webinars/:id' })).toBeGreaterThan(before('aula_http_request_duration_seconds_count', { route: '/api/webinars/:id' }))
    expect(after('aula_registrations_total', { item: 'webinars' }) - before('aula_registrations_total', { item: 'webinars' })).toBe(1)
    expect(after('aula_http_requests_total', { route: `/api/webinars/${webinar.id}` })).toBe(0)
  })

  it('reads emails, jobs, queue lag and the database pool at scrape time, and counts Stripe events', async () => {
    await aula.payload.create({
      collection: 'stripe-events',
      overrideAccess: true,
      data: { eventId: `evt_metrics_${Date.now()}`, type: 'checkout.session.completed', status: 'received', payload: {} },
    })
    const metric = await scrape()
    expect(metric('aula_stripe_events_total', { type: 'checkout.session.completed' })).toBe(1)
    expect(metric('aula_emails', { status: 'queued' })).toBeGreaterThanOrEqual(1) // the registration's confirmation
    expect(metric('aula_jobs', { task: 'sendEmail', state: 'queued' })).toBeGreaterThanOrEqual(1)
    expect(metric('aula_email_queue_lag_seconds')).toBeGreaterThanOrEqual(0)
    expect(metric('aula_job_queue_lag_seconds')).toBeGreaterThanOrEqual(0)
    expect(metric('aula_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1)
    expect(metric('aula_db_up')).toBe(1)
  })
})

describe('when PostgreSQL is unreachable', () => {
  it('health answers 503 down, quickly, and the request still has its id', async () => {
    await postgres.stop()
    try {
      const started = Date.now()
      const response = await aula.api.get('/health', { headers: { 'x-request-id': 'db-down' } })
      expect(Date.now() - started).toBeLessThan(5_000)
      expect(response.status).toBe(503)
      expect(response.headers.get('x-request-id')).toBe('db-down')
      expect(response.body).toEqual({
        status: 'down',
        checks: { database: { status: 'down' }, migrations: { status: 'unknown' }, mail: { status: 'unknown' }, jobs: { status: 'unknown' }, worker: { status: 'unknown' } },
      })
      const metric = await scrape()
      expect(metric('aula_db_up')).toBe(0)
    } finally {
      await postgres.restart()
    }
  })
})
