import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'
import { serveAulaOverHttp, type AulaHttpServer } from '../helpers/httpServer'

/**
 * A training business's website on its own origin (https://www.academia.example) calling Aula's API
 * from the browser, as docs/frontend.md ("A site on another origin") says to set it up: the site's
 * origin in CORS_ORIGINS. These are the headers and answers that browser would get.
 */
const SITE = 'https://www.academia.example'
const ELSEWHERE = 'https://evil.example'

let aula: TestAula
let server: AulaHttpServer
const previousOrigins = process.env.CORS_ORIGINS

beforeAll(async () => {
  process.env.CORS_ORIGINS = SITE
  aula = await startTestAula()
  server = await serveAulaOverHttp(aula.payload.config)
}, 120_000)

afterAll(async () => {
  await server?.close()
  await aula.close()
  if (previousOrigins === undefined) delete process.env.CORS_ORIGINS
  else process.env.CORS_ORIGINS = previousOrigins
})

const preflight = (origin: string, path: string) =>
  fetch(`${server.url}/api${path}`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization, idempotency-key' },
  })

describe('a website on another origin listed in CORS_ORIGINS', () => {
  it('passes the browser’s preflight for a registration, with credentials allowed; another origin does not', async () => {
    const webinar = await createWebinar(aula.payload)
    const allowed = await preflight(SITE, `/webinars/${webinar.id}/register`)
    expect(allowed.status).toBeLessThan(300)
    expect(allowed.headers.get('access-control-allow-origin')).toBe(SITE)
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true')
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toEqual(expect.stringContaining('content-type'))
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toEqual(expect.stringContaining('authorization'))
    // A retried registration is made safe by its Idempotency-Key (docs/api-enrollment.md).
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toEqual(expect.stringContaining('idempotency-key'))

    const refused = await preflight(ELSEWHERE, `/webinars/${webinar.id}/register`)
    expect(refused.headers.get('access-control-allow-origin')).not.toBe(ELSEWHERE)
  })

  it('registers a visitor from the site and lets the browser read the answer', async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 5 })
    const response = await fetch(`${server.url}/api/webinars/${webinar.id}/register`, {
      method: 'POST',
      headers: { origin: SITE, 'content-type': 'application/json' },
      body: JSON.stringify({ email: `cors-${Date.now()}@example.com`, firstName: 'Elena', lastName: 'Paredes' }),
    })
    expect(response.status).toBe(201)
    expect(response.headers.get('access-control-allow-origin')).toBe(SITE)
    expect((await response.json()).doc.status).toBe('confirmed')
  })

  it('the login cookie works from the listed site and counts for nothing from any other (CSRF); a token works from anywhere', async () => {
    const student = await aula.createUser(['student'])
    const login = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { origin: SITE, 'content-type': 'application/json' },
      body: JSON.stringify({ email: student.email, password: student.password }),
    })
    expect(login.status).toBe(200)
    const cookie = login.headers.getSetCookie().find((value) => value.startsWith('payload-token='))!
    expect(cookie).toMatch(/HttpOnly/i)
    const sessionCookie = cookie.split(';')[0]

    const me = (origin: string, headers: Record<string, string>) => fetch(`${server.url}/api/users/me`, { headers: { origin, ...headers } }).then((answer) => answer.json())
    expect((await me(SITE, { cookie: sessionCookie })).user?.email).toBe(student.email)
    expect((await me(ELSEWHERE, { cookie: sessionCookie })).user).toBeNull()
    // A token is not sent by the browser on its own, so no origin check applies to it.
    expect((await me(ELSEWHERE, { authorization: `JWT ${student.token}` })).user?.email).toBe(student.email)
  })
})
