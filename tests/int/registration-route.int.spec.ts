import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fs from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { createAulaServer } from '../../src/server/createAulaServer'
import { loadRegistrationRoute, registrationRoute } from '../../src/server/registrationRoute'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'

/**
 * Aula's server hands a registration straight to the API route's own POST handler, without Next's router
 * (src/server/registrationRoute.ts). Here that server runs for real on a port, with the route's real handler
 * (wrapped as route.ts wraps it) and, standing in for Next, a handler that only notes what it was given.
 */
let aula: TestAula
let server: Server
let base: string
const toNext: string[] = []

beforeAll(async () => {
  aula = await startTestAula()
  const configHeaders = () => [{ key: 'X-Powered-By', value: 'Next.js, Payload' }]
  server = createAulaServer({
    request: (request, response) => {
      toNext.push(`${request.method} ${request.url}`)
      request.resume()
      request.on('end', () => response.writeHead(299).end('Next'))
    },
    shortcut: registrationRoute(aula.api.routeHandler('POST'), configHeaders),
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await aula.close()
})

let counter = 0
const person = () => {
  counter += 1
  return { email: `ruta-${counter}-${Date.now()}@example.com`, firstName: 'Rosa', lastName: `Ruta ${counter}` }
}

const post = (pathname: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}${pathname}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })

describe('a registration answered without Next’s router', () => {
  it('gets the answer the route gives through Next: the same status, message and document, the config’s headers, the rows written', async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 5 })
    const visitor = person()
    const before = toNext.length
    const direct = await post(`/api/webinars/${webinar.id}/register`, visitor)
    const body = (await direct.json()) as { message: string; doc: Record<string, unknown> }
    expect(direct.status).toBe(201)
    expect(body.message).toBe('You are registered.')
    expect(direct.headers.get('x-powered-by')).toBe('Next.js, Payload')
    expect(direct.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    expect(toNext.length).toBe(before)
    // The same route called as Next calls it, for another person: the same shape of answer.
    const throughNext = await aula.api.post(`/webinars/${webinar.id}/register`, person())
    expect(throughNext.status).toBe(201)
    expect(Object.keys(body.doc).sort()).toEqual(Object.keys(throughNext.body.doc).sort())
    expect(body.doc).toMatchObject({ status: 'confirmed', paymentStatus: 'not_required', item: { relationTo: 'webinars', value: webinar.id } })
    const { docs } = await aula.payload.find({ collection: 'enrollments', where: { 'user.email': { equals: visitor.email } }, overrideAccess: true, depth: 0 })
    expect(docs.map((doc) => doc.id)).toEqual([body.doc.id])
  })

  it('bad input gets the route’s 400 naming each field, in the visitor’s language, and writes nothing', async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 5 })
    const spanish = await post(`/api/webinars/${webinar.id}/register`, { email: 'no es un correo', firstName: 'Ana', lastName: '' })
    expect(spanish.status).toBe(400)
    const errors = ((await spanish.json()) as { errors: { data: { errors: { path: string; message: string }[] } }[] }).errors[0]!.data.errors
    expect(errors).toEqual([{ path: 'email', message: 'Debe ser una dirección de correo válida.' }, { path: 'lastName', message: 'Es obligatorio.' }])
    const english = await post(`/api/webinars/${webinar.id}/register`, { email: 'no es un correo', firstName: 'Ana', lastName: '' }, { 'accept-language': 'en' })
    expect(((await english.json()) as { errors: { data: { errors: { message: string }[] } }[] }).errors[0]!.data.errors[0]!.message).toBe('email must be a valid email address.')
    const { totalDocs } = await aula.payload.count({ collection: 'enrollments', where: { 'item.value': { equals: webinar.id } } as never, overrideAccess: true })
    expect(totalDocs).toBe(0)
  })

  it('everything else goes to Next: other paths and methods, an admin page’s call, a body of unknown length, the switch off', async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 5 })
    const register = `/api/webinars/${webinar.id}/register`
    const before = toNext.length
    expect((await post(`/api/webinars/${webinar.id}/price`, {})).status).toBe(299)
    expect((await fetch(`${base}${register}`)).status).toBe(299)
    expect((await post(`${register}/x`, person())).status).toBe(299)
    expect((await post(register, person(), { referer: `${base}/admin/collections/webinars/${webinar.id}` })).status).toBe(299)
    const streamed = await fetch(`${base}${register}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Blob([JSON.stringify(person())]).stream(),
      duplex: 'half',
    } as RequestInit)
    expect(streamed.status).toBe(299)
    process.env.AULA_FAST_PATHS = 'off'
    try {
      expect((await post(register, person())).status).toBe(299)
    } finally {
      delete process.env.AULA_FAST_PATHS
    }
    expect(toNext.slice(before)).toEqual([
      `POST /api/webinars/${webinar.id}/price`,
      `GET ${register}`,
      `POST ${register}/x`,
      `POST ${register}`,
      `POST ${register}`,
      `POST ${register}`,
    ])
    // And a course's enrollment is taken like a webinar's registration.
    expect((await post('/api/courses/999999/enroll', person())).status).toBe(404)
    expect(toNext.length).toBe(before + 6)
  })
})

describe('loading the route from a production build', () => {
  it('takes the POST of the API route module Node already holds, and the config’s headers; without one, Next keeps every request', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'aula-no-route-'))
    const logged: string[] = []
    expect(await loadRegistrationRoute(empty, (message) => logged.push(message))).toBeNull()
    expect(logged).toEqual([expect.stringMatching(/^Registrations go through Next's router: Cannot find module/)])
    fs.rmSync(empty, { recursive: true, force: true })

    const build = fs.mkdtempSync(path.join(os.tmpdir(), 'aula-route-'))

    const routeFolder = path.join(build, 'server/app/(payload)/api/[...slug]')
    fs.mkdirSync(routeFolder, { recursive: true })
    fs.writeFileSync(path.join(routeFolder, 'route.js'), `
      let loaded = false
      exports.routeModule = {
        ensureUserland: async () => { loaded = true },
        get userland() { if (!loaded) throw new Error('not loaded'); return { POST: async (request, { params }) => Response.json({ slug: (await params).slug, body: await request.json() }, { status: 201 }) } },
      }`)
    fs.writeFileSync(path.join(build, 'routes-manifest.json'), JSON.stringify({
      headers: [
        { regex: '^/api(?:/.*)?$', headers: [{ key: 'X-Config', value: 'api' }] },
        { regex: '^/admin(?:/.*)?$', headers: [{ key: 'X-Admin', value: 'admin' }] },
        { regex: '^/api(?:/.*)?$', has: [{ type: 'header', key: 'x-special' }], headers: [{ key: 'X-Conditional', value: 'yes' }] },
      ],
    }))
    const route = await loadRegistrationRoute(build, (message) => logged.push(message))
    expect(logged.slice(1)).toEqual([])
    expect(route).not.toBeNull()
    const own = createAulaServer({ request: (_request, response) => response.writeHead(299).end(), shortcut: route! })
    await new Promise<void>((resolve) => own.listen(0, '127.0.0.1', resolve))
    try {
      const answer = await fetch(`http://127.0.0.1:${(own.address() as AddressInfo).port}/api/courses/12/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":"x@example.com"}' })
      expect(answer.status).toBe(201)
      expect(await answer.json()).toEqual({ slug: ['courses', '12', 'enroll'], body: { email: 'x@example.com' } })
      expect([answer.headers.get('x-config'), answer.headers.get('x-admin'), answer.headers.get('x-conditional')]).toEqual(['api', null, null])
    } finally {
      await new Promise((resolve) => own.close(resolve))
      fs.rmSync(build, { recursive: true, force: true })
    }
    expect(logged).toHaveLength(1)
  })
})
