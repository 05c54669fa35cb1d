import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'

let aula: TestAula
const windowSeconds = 120

beforeAll(async () => {
  aula = await startTestAula({
    rateLimits: {
      enabled: true,
      auth: { name: 'auth', perIp: 4, perEmail: 2, windowSeconds },
      publicWrite: { name: 'publicWrite', perIp: 5, perEmail: 2, windowSeconds },
    },
  })
})

afterAll(async () => {
  await aula.close()
})

let ipCounter = 0
const newIp = () => `203.0.113.${(ipCounter += 1)}`
// As Aula's server (src/server) stamps the socket's address; behind no proxy that is the client.
const fromIp = (ip: string) => ({ headers: { 'x-aula-peer-address': ip } })

describe('rate limits', () => {
  it('too many logins for one email answer 429 with Retry-After, even with the right password', async () => {
    const email = `login-${Date.now()}@example.com`
    await aula.payload.create({ collection: 'users', data: { email, password: 'the right one', roles: ['student'], _verified: true }, disableVerificationEmail: true, overrideAccess: true })
    const ip = newIp()
    for (let attempt = 0; attempt < 2; attempt += 1) {
      expect((await aula.api.post('/users/login', { email, password: 'wrong' }, fromIp(ip))).status).toBe(401)
    }
    const limited = await aula.api.post('/users/login', { email, password: 'the right one' }, fromIp(newIp()))
    expect(limited.status).toBe(429)
    const retryAfter = Number(limited.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(windowSeconds)
    expect(limited.body.errors[0].message).toMatch(/Too many requests/)
  })

  it('one IP trying many emails is stopped too; another IP is not', async () => {
    const ip = newIp()
    const statuses = []
    for (let n = 0; n < 5; n += 1) {
      statuses.push((await aula.api.post('/users/forgot-password', { email: `nobody${n}@example.com` }, fromIp(ip))).status)
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429])
    expect((await aula.api.post('/users/forgot-password', { email: 'nobody@example.com' }, fromIp(newIp()))).status).toBe(200)
  })

  it('registrations for one email are limited across webinars, and a refused one writes nothing', async () => {
    const email = `limited-${Date.now()}@example.com`
    const statuses = []
    for (let n = 0; n < 3; n += 1) {
      const webinar = await createWebinar(aula.payload)
      statuses.push((await aula.api.post(`/webinars/${webinar.id}/register`, { email, firstName: 'A', lastName: 'B' }, fromIp(newIp()))).status)
    }
    expect(statuses).toEqual([201, 201, 429])
    const enrollments = await aula.payload.count({ collection: 'enrollments', where: { 'user.email': { equals: email } }, overrideAccess: true })
    expect(enrollments.totalDocs).toBe(2)
  })

  it('GraphQL mutations share the same budgets', async () => {
    const webinar = await createWebinar(aula.payload)
    const mutation = 'mutation ($id: Int!, $person: RegistrationPerson) { registerForWebinar(id: $id, person: $person) { id } }'
    const statuses = []
    for (let n = 0; n < 6; n += 1) {
      const response = await aula.api.graphql(mutation, { id: webinar.id, person: { email: `gql${n}-${Date.now()}@example.com`, firstName: 'G', lastName: 'Q' } }, undefined)
      statuses.push(response.status)
    }
    // This client sends no address at all: all of it counts against one shared "unknown" bucket.
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200])
    expect(statuses[5]).toBe(429)
  })

  it('staff working in the admin are not limited, and counters live in PostgreSQL', async () => {
    const admin = await aula.payload.create({ collection: 'users', data: { email: `admin-${Date.now()}@example.com`, password: 'admin secret', roles: ['admin'], _verified: true }, disableVerificationEmail: true, overrideAccess: true })
    const token = (await aula.api.post('/users/login', { email: admin.email, password: 'admin secret' }, fromIp(newIp()))).body.token
    const webinar = await createWebinar(aula.payload)
    const ip = newIp()
    for (let n = 0; n < 8; n += 1) {
      const response = await aula.api.post(`/webinars/${webinar.id}/register`, { email: `staff-added-${n}@example.com`, firstName: 'S', lastName: String(n) }, { token, ...fromIp(ip) })
      expect(response.status).toBe(201)
    }
    const { rows } = await (aula.payload.db as unknown as { pool: { query: (sql: string) => Promise<{ rows: { count: string }[] }> } }).pool.query('SELECT count(*) FROM rate_limits')
    expect(Number(rows[0].count)).toBeGreaterThan(0)
  })
})
