import { once } from 'node:events'
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { GRAPHQL_POST, REST_POST } from '@payloadcms/next/routes'
import { match } from 'path-to-regexp'
import type { Pool } from 'pg'

import { refuseCostlyQueries } from '../../src/graphql/refuseCostlyQueries'
import { clientAddress, PEER_ADDRESS_HEADER } from '../../src/rateLimit/clientAddress'
import { endpointPathMatches } from '../../src/rateLimit/endpointPathMatches'
import type { RateLimitSettings } from '../../src/rateLimit/rules'
import { withRateLimits } from '../../src/rateLimit/withRateLimits'
import { createAulaServer } from '../../src/server/createAulaServer'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'

/**
 * Defect 3 of issue 14: the rate limits of login, forgot-password and the public writes could be
 * escaped by forging X-Forwarded-For, by other spellings of the route or the body, and by many
 * operations in one GraphQL request; long keys answered 500 and counters were never deleted.
 */
let aula: TestAula
const settings = (trustedProxyHops: number): RateLimitSettings => ({
  enabled: true,
  trustedProxyHops,
  auth: { name: 'auth', perIp: 4, perEmail: 2, windowSeconds: 120 },
  publicWrite: { name: 'publicWrite', perIp: 5, perEmail: 2, windowSeconds: 120 },
})

type Send = (path: string, init?: { body?: BodyInit; headers?: Record<string, string>; peer?: string }) => Promise<Response>
let rest: Send, restBehindOneProxy: Send, graphql: (body: unknown, peer?: string) => Promise<Response>

beforeAll(async () => {
  aula = await startTestAula()
  const config = aula.payload.config
  // Wrapped exactly as src/app/(payload)/api/**/route.ts wrap them, with limits small enough to reach.
  const restHandler = (hops: number) => withRateLimits(REST_POST(config), config, settings(hops))
  const direct = restHandler(0)
  const proxied = restHandler(1)
  // What Next hands the catch-all route: the path segments, percent-decoded.
  const send = (handler: typeof direct): Send => (path, init = {}) => {
    const url = new URL(`/api${path}`, 'http://localhost:3000')
    const headers = new Headers(init.headers)
    if (init.peer) headers.set(PEER_ADDRESS_HEADER, init.peer)
    const slug = url.pathname.replace(/^\/api\//, '').split('/').map(decodeURIComponent)
    return handler(new Request(url, { method: 'POST', headers, body: init.body }), { params: Promise.resolve({ slug }) })
  }
  rest = send(direct)
  restBehindOneProxy = send(proxied)
  const graphqlHandler = withRateLimits(refuseCostlyQueries(GRAPHQL_POST(config)), config, settings(0))
  graphql = (body, peer = nextPeer()) =>
    graphqlHandler(
      new Request('http://localhost:3000/api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', [PEER_ADDRESS_HEADER]: peer },
        body: JSON.stringify(body),
      }),
    )
}, 120_000)

afterAll(async () => {
  await aula?.close()
})

let counter = 0
const nextPeer = () => `198.51.100.${(counter += 1)}`
const nextEmail = (name: string) => `${name}-${(counter += 1)}@example.com`
const json = (value: unknown) => ({ body: JSON.stringify(value), headers: { 'content-type': 'application/json' } })
const statuses = async (requests: (() => Promise<Response>)[]) => {
  const seen: number[] = []
  for (const send of requests) seen.push((await send()).status)
  return seen
}

describe('the client address', () => {
  it('is the socket when no proxy is trusted, whatever X-Forwarded-For the client wrote', () => {
    const headers = new Headers({ 'x-forwarded-for': '6.6.6.6, 1.1.1.1', [PEER_ADDRESS_HEADER]: '203.0.113.5' })
    expect(clientAddress(headers, 0)).toBe('203.0.113.5')
  })

  it('is the address the nearest trusted proxy saw, counted from the right', () => {
    // The client forged 6.6.6.6; the proxy appended the client's real 203.0.113.7; Aula's server appended the proxy.
    const headers = new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7, 10.0.0.2', [PEER_ADDRESS_HEADER]: '10.0.0.2' })
    expect(clientAddress(headers, 1)).toBe('203.0.113.7')
    expect(clientAddress(headers, 2)).toBe('6.6.6.6')
    expect(clientAddress(headers, 9)).toBe('6.6.6.6')
  })

  it('without Aula’s server (next dev) is what Next reports, the last X-Forwarded-For entry', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '6.6.6.6, 127.0.0.1' }), 0)).toBe('127.0.0.1')
    expect(clientAddress(new Headers(), 0)).toBe('unknown')
  })

  it('Aula’s server overwrites a peer header the client forged and appends the socket to X-Forwarded-For, upgrades too', async () => {
    let upgraded: IncomingHttpHeaders | undefined
    const server = createAulaServer({
      request: (request, response) => response.end(JSON.stringify(request.headers)),
      upgrade: (request, socket) => {
        upgraded = request.headers
        socket.end('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n')
      },
    })
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    const { port } = server.address() as AddressInfo
    const forged = { 'x-forwarded-for': '6.6.6.6', [PEER_ADDRESS_HEADER]: '6.6.6.6' }
    try {
      const seen = await new Promise<IncomingHttpHeaders>((resolve, reject) => {
        httpRequest({ port, host: '127.0.0.1', headers: forged }, (response) => {
          let text = ''
          response.on('data', (chunk) => (text += chunk)).on('end', () => resolve(JSON.parse(text)))
        })
          .on('error', reject)
          .end()
      })
      expect(seen[PEER_ADDRESS_HEADER]).toBe('127.0.0.1')
      expect(seen['x-forwarded-for']).toBe('6.6.6.6, 127.0.0.1')
      expect(clientAddress(new Headers(seen as Record<string, string>), 0)).toBe('127.0.0.1')
      await new Promise<void>((resolve, reject) => {
        httpRequest({ port, host: '127.0.0.1', headers: { ...forged, connection: 'Upgrade', upgrade: 'websocket' } })
          .on('upgrade', (_response, socket) => {
            socket.destroy()
            resolve()
          })
          .on('error', reject)
          .end()
      })
      expect(upgraded?.[PEER_ADDRESS_HEADER]).toBe('127.0.0.1')
      expect(upgraded?.['x-forwarded-for']).toBe('6.6.6.6, 127.0.0.1')
    } finally {
      server.close()
    }
  })
})

describe('the route a rule applies to', () => {
  it('is matched like Payload’s own router (path-to-regexp) matches it, for every endpoint Aula has', () => {
    const config = aula.payload.config
    const patterns = new Set([
      ...config.endpoints.map((endpoint) => endpoint.path),
      ...config.collections.flatMap((collection) => (collection.endpoints || []).map((endpoint) => endpoint.path)),
      ...config.globals.flatMap((global) => (global.endpoints || []).map((endpoint) => endpoint.path)),
    ])
    expect(patterns.size).toBeGreaterThan(20)
    const paths = ['/', '//', '/1', '/1/', '/1/register', '/1/REGISTER/', '/1/%72egister', '/login', '/LOGIN', '/login/', '/access', '/access/', '/access/5', '/versions/3',
      '/file/a.png', '/export.csv', '/exportxcsv', '/1/cancel-link', '/a/b/c', '/verify/tok%2Fen', '/paste-url', '/paste-url/9/', '/stripe/webhooks']
    for (const pattern of patterns) {
      for (const path of paths) {
        expect([pattern, path, endpointPathMatches(pattern, path)]).toEqual([pattern, path, Boolean(match(pattern, { decode: decodeURIComponent })(path))])
      }
    }
  })
})

describe('rate limits cannot be escaped', () => {
  it('a client writing a new X-Forwarded-For on every request still spends one budget', async () => {
    const peer = nextPeer()
    const forging = Array.from({ length: 5 }, (_, n) => () =>
      rest('/users/forgot-password', { ...json({ email: nextEmail('forged') }), headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.8.${n}` }, peer }),
    )
    expect(await statuses(forging)).toEqual([200, 200, 200, 200, 429])
    // Behind no proxy each client has its own bucket.
    expect((await rest('/users/forgot-password', { ...json({ email: nextEmail('other') }), peer: nextPeer() })).status).toBe(200)
  })

  it('behind one trusted proxy, the address the proxy saw counts, not the entries the client wrote before it', async () => {
    const proxy = '10.0.0.2'
    const realClient = nextPeer()
    const forging = Array.from({ length: 5 }, (_, n) => () =>
      restBehindOneProxy('/users/forgot-password', {
        body: JSON.stringify({ email: nextEmail('proxied') }),
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.8.${n}, ${realClient}` },
        peer: proxy,
      }),
    )
    expect(await statuses(forging)).toEqual([200, 200, 200, 200, 429])
    const someoneElse = await restBehindOneProxy('/users/forgot-password', {
      body: JSON.stringify({ email: nextEmail('proxied') }),
      headers: { 'content-type': 'application/json', 'x-forwarded-for': nextPeer() },
      peer: proxy,
    })
    expect(someoneElse.status).toBe(200)
  })

  it('logging in through other spellings of /users/login (case, percent-encoding, trailing slash, query) spends the same email budget', async () => {
    const email = nextEmail('spelling')
    const spellings = ['/users/login', '/users/LOGIN', '/users/%6Cogin', '/users/login/', '/users/login?depth=0']
    const seen = await statuses(spellings.map((path) => () => rest(path, { ...json({ email, password: 'wrong' }), peer: nextPeer() })))
    expect(seen).toEqual([401, 401, 429, 429, 429])
  })

  it('registering through /webinars/:id/%72egister spends the same budget as /register', async () => {
    const email = nextEmail('encoded')
    const paths = ['register', '%72egister', 'REGISTER']
    const seen: number[] = []
    for (const path of paths) {
      const webinar = await createWebinar(aula.payload)
      seen.push((await rest(`/webinars/${webinar.id}/${path}`, { ...json({ email, firstName: 'E', lastName: 'N' }), peer: nextPeer() })).status)
    }
    expect(seen).toEqual([201, 201, 429])
  })

  it('switching the body to multipart, urlencoded, text/plain or Application/JSON, or the email’s case, spends the same email budget', async () => {
    const email = nextEmail('formats')
    const multipart = new FormData()
    multipart.set('_payload', JSON.stringify({ email }))
    const form = new FormData()
    form.set('email', email.toUpperCase())
    const seen = await statuses([
      () => rest('/users/forgot-password', { ...json({ email }), peer: nextPeer() }),
      () => rest('/users/forgot-password', { body: multipart, peer: nextPeer() }),
      () => rest('/users/forgot-password', { body: form, peer: nextPeer() }),
      () => rest('/users/forgot-password', { body: new URLSearchParams({ email }), peer: nextPeer() }),
      () => rest('/users/forgot-password', { body: JSON.stringify({ email: ` ${email.toUpperCase()} ` }), headers: { 'content-type': 'Application/JSON' }, peer: nextPeer() }),
      () => rest('/users/forgot-password', { body: JSON.stringify({ email }), headers: { 'content-type': 'text/plain' }, peer: nextPeer() }),
    ])
    expect(seen.slice(0, 2)).toEqual([200, 200])
    expect(seen.slice(2)).toEqual([429, 429, 429, 429])
  })

  it('a registration sent as text/plain (which the endpoint still reads as JSON) counts for its email', async () => {
    const email = nextEmail('plain')
    const seen: number[] = []
    for (let n = 0; n < 3; n += 1) {
      const webinar = await createWebinar(aula.payload)
      const body = JSON.stringify({ email: n === 2 ? email.toUpperCase() : email, firstName: 'T', lastName: 'P' })
      seen.push((await rest(`/webinars/${webinar.id}/register`, { body, headers: { 'content-type': 'text/plain' }, peer: nextPeer() })).status)
    }
    expect(seen).toEqual([201, 201, 429])
  })

  it('five aliased loginUser mutations in one GraphQL request spend five logins', async () => {
    const logins = Array.from({ length: 5 }, (_, n) => `l${n}: loginUser(email: "${nextEmail('alias')}", password: "x") { token }`).join(' ')
    expect((await graphql({ query: `mutation { ${logins} }` })).status).toBe(429)
    const peer = nextPeer()
    const four = Array.from({ length: 4 }, (_, n) => `l${n}: loginUser(email: "${nextEmail('alias')}", password: "x") { token }`).join(' ')
    expect((await graphql({ query: `mutation { ${four} }` }, peer)).status).toBe(200)
    expect((await graphql({ query: `mutation { loginUser(email: "${nextEmail('alias')}", password: "x") { token } }` }, peer)).status).toBe(429)
  })

  it('mutations hidden in fragments and other operations of the document count too', async () => {
    const query = `mutation A { ...Logins } mutation B { b: loginUser(email: "${nextEmail('op')}", password: "x") { token } }
      fragment Logins on Mutation { a1: loginUser(email: "${nextEmail('op')}", password: "x") { token } a2: loginUser(email: "${nextEmail('op')}", password: "x") { token } a3: forgotPasswordUser(email: "${nextEmail('op')}") a4: forgotPasswordUser(email: "${nextEmail('op')}") }`
    expect((await graphql({ query, operationName: 'A' })).status).toBe(429)
  })

  it('a batch (an array of operations) counts each entry', async () => {
    const batch = Array.from({ length: 5 }, () => ({ query: `mutation { forgotPasswordUser(email: "${nextEmail('batch')}") }` }))
    expect((await graphql(batch)).status).toBe(429)
  })

  it('an email written inline, in variables, or in another case spends one budget, and registrations by GraphQL share the REST one', async () => {
    const email = nextEmail('gql-email')
    const webinar = await createWebinar(aula.payload)
    const seen = await statuses([
      () => graphql({ query: `mutation { forgotPasswordUser(email: "${email}") }` }),
      () => graphql({ query: 'mutation ($email: String!) { forgotPasswordUser(email: $email) }', variables: { email: email.toUpperCase() } }),
      () => graphql({ query: `mutation { loginUser(email: " ${email.toUpperCase()}", password: "x") { token } }` }),
    ])
    expect(seen).toEqual([200, 200, 429])
    const registrant = nextEmail('gql-register')
    expect((await rest(`/webinars/${webinar.id}/register`, { ...json({ email: registrant, firstName: 'G', lastName: 'R' }), peer: nextPeer() })).status).toBe(201)
    const other = await createWebinar(aula.payload)
    const mutation = 'mutation ($id: Int!) { r: registerForWebinar(id: $id, person: { email: "EMAIL", firstName: "G", lastName: "R" }) { id } }'
    expect((await graphql({ query: mutation.replace('EMAIL', registrant), variables: { id: other.id } })).status).toBe(200)
    const third = await createWebinar(aula.payload)
    expect((await graphql({ query: mutation.replace('EMAIL', registrant.toUpperCase()), variables: { id: third.id } })).status).toBe(429)
  })

  it('a 100,000-character email or forwarded address is counted, not a 500', async () => {
    const email = `${'x'.repeat(100_000)}@example.com`
    const seen = await statuses([1, 2, 3].map(() => () => rest('/users/login', { ...json({ email, password: 'x' }), peer: nextPeer() })))
    expect(seen[2]).toBe(429)
    expect(seen.every((status) => status < 500)).toBe(true)
    const longAddress = 'f'.repeat(100_000)
    const fromLongAddress = await statuses(
      Array.from({ length: 5 }, () => () =>
        restBehindOneProxy('/users/forgot-password', { ...json({ email: nextEmail('long') }), headers: { 'content-type': 'application/json', 'x-forwarded-for': longAddress }, peer: '10.0.0.3' }),
      ),
    )
    expect(fromLongAddress).toEqual([200, 200, 200, 200, 429])
  })
})

describe('rate-limit counters', () => {
  it('hold no email in plain text, and expired ones are deleted by the scheduled task', async () => {
    const email = nextEmail('expiry')
    await rest('/users/forgot-password', { ...json({ email }), peer: nextPeer() })
    const pool = (aula.payload.db as unknown as { pool: Pool }).pool
    const { rows: plain } = await pool.query('SELECT key FROM rate_limits WHERE key LIKE $1', [`%${email}%`])
    expect(plain).toEqual([])
    const before = Number((await pool.query('SELECT count(*) FROM rate_limits')).rows[0].count)
    expect(before).toBeGreaterThan(2)
    await pool.query("UPDATE rate_limits SET expire = $1 WHERE key IN (SELECT key FROM rate_limits WHERE key NOT LIKE 'auth:email:%' LIMIT 2)", [Date.now() - 1000])
    await pool.query("INSERT INTO rate_limits (key, points, expire) VALUES ('auth:ip:203.0.113.250', 1, $1)", [Date.now() - 60_000])
    const tasks = aula.payload.config.jobs.tasks ?? []
    expect(tasks.find((task) => task.slug === 'deleteExpiredRateLimits')?.schedule?.length).toBeGreaterThan(0)
    await aula.payload.jobs.queue({ task: 'deleteExpiredRateLimits', input: {} })
    await aula.payload.jobs.run()
    const { rows } = await pool.query('SELECT count(*)::int AS count, count(*) FILTER (WHERE expire < $1)::int AS expired FROM rate_limits', [Date.now()])
    expect(rows[0].expired).toBe(0)
    expect(rows[0].count).toBe(before - 2)
  })
})
