import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Endpoint, SanitizedConfig } from 'payload'

import { duplicateCourseEndpoint } from '../../src/collections/Courses/endpoints/duplicate'
import { startTestAula, type TestAula } from '../helpers/aula'

let aula: TestAula
let spec: any

beforeAll(async () => {
  aula = await startTestAula()
  const response = await aula.api.get('/openapi.json')
  expect(response.status).toBe(200)
  spec = response.body
})

afterAll(async () => {
  await aula.close()
})

/** `/:id/register` on `webinars` → `/api/webinars/{id}/register`. */
const openApiPath = (prefix: string, path: string) => `/api${prefix}${path.replace(/:([A-Za-z]+)/g, '{$1}')}`

/**
 * Payload 3.88 puts its own generated REST handlers into the same sanitized `endpoints` lists as
 * ours (collection CRUD, auth, uploads, versions, and root `/access`, `/og`, …). These are those,
 * as `method path` relative to the collection (or the API root); everything else is Aula's.
 */
const PAYLOAD_DEFAULTS = new Set(
  [
    'get /', 'post /', 'patch /', 'delete /', 'get /:id', 'patch /:id', 'delete /:id', 'get /count', 'get /versions', 'get /versions/:id',
    'post /versions/:id', 'post /:id/duplicate', 'post /access/:id?', 'get /init', 'post /first-register', 'post /unlock', 'post /verify/:id',
    'post /login', 'post /logout', 'get /me', 'post /refresh-token', 'post /forgot-password', 'post /reset-password', 'get /file/:filename',
    'get /paste-url/:id?', 'get /:id/preview', 'get /access', 'get /og', 'post /form-state', 'post /server-functions', 'post /graphql',
    'get /graphql-playground', 'get /:key', 'post /:key', 'delete /:key', 'post /access', 'get /run', 'get /handle-schedules',
  ],
)

/** Every endpoint in the running config that Payload did not generate. */
const customEndpoints = (config: SanitizedConfig) => {
  const found: { method: string; path: string }[] = []
  const add = (prefix: string, endpoints: Endpoint[] | false | undefined) => {
    for (const endpoint of endpoints || []) {
      // Aula's course duplicate replaces Payload's on the same path (a new run with its dates moved), so it is Aula's to document.
      if (PAYLOAD_DEFAULTS.has(`${endpoint.method} ${endpoint.path}`) && endpoint.handler !== duplicateCourseEndpoint.handler) continue
      found.push({ method: endpoint.method, path: openApiPath(prefix, endpoint.path) })
    }
  }
  add('', config.endpoints)
  for (const collection of config.collections) add(`/${collection.slug}`, collection.endpoints)
  for (const global of config.globals) add(`/globals/${global.slug}`, global.endpoints)
  return found
}

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 with a schema per collection, served to anyone', () => {
    expect(spec.openapi).toBe('3.1.0')
    for (const slug of ['users', 'webinars', 'courses', 'enrollments', 'speakers', 'categories', 'media']) {
      expect(spec.components.schemas[slug]).toMatchObject({ type: 'object' })
    }
    expect(spec.components.schemas.webinars.properties).toHaveProperty('seatsLeft')
    expect(JSON.stringify(spec)).not.toContain('#/definitions/')
  })

  it('describes every custom endpoint registered in the config, with its method and path', () => {
    const registered = customEndpoints(aula.payload.config)
    expect(registered.length).toBeGreaterThanOrEqual(8)
    const missing = registered.filter(({ method, path }) => !spec.paths[path]?.[method])
    expect(missing).toEqual([])
  })

  it('every documented custom endpoint is registered, except those the contract plans and that have not landed', () => {
    const registered = new Set(customEndpoints(aula.payload.config).map(({ method, path }) => `${method} ${path}`))
    for (const [path, item] of Object.entries<any>(spec.paths)) {
      for (const [method, operation] of Object.entries<any>(item)) {
        if (!operation['x-aula-registered-as']) continue
        const owner = operation['x-aula-registered-as']
        const landed = owner === 'root' ? registered.has(`${method} ${path}`) || !operation['x-aula-planned'] : owner in aula.payload.collections
        if (!landed) {
          expect(operation['x-aula-planned']).toBe(true)
          continue
        }
        if (path === '/api/leads' && method === 'post') continue // the leads collection's own create, with its access rules
        expect(`${method} ${path}: ${registered.has(`${method} ${path}`)}`).toBe(`${method} ${path}: true`)
      }
    }
    expect(spec.paths['/api/leads'].post.summary).toMatch(/lead/i)
    expect(spec.paths['/api/stripe/webhooks'].post).toBeDefined()
  })

  it('every collection path in the document belongs to a collection in the config, and every collection has list/get/create/update/delete', async () => {
    const slugs = new Set(aula.payload.config.collections.map((collection) => collection.slug))
    for (const item of Object.values<any>(spec.paths)) {
      for (const operation of Object.values<any>(item)) {
        if (operation['x-payload-collection']) expect(slugs.has(operation['x-payload-collection'])).toBe(true)
      }
    }
    for (const slug of [...slugs].filter((slug) => !slug.startsWith('payload-'))) {
      expect(Object.keys(spec.paths[`/api/${slug}`]).sort()).toEqual(expect.arrayContaining(['get', 'post']))
      expect(Object.keys(spec.paths[`/api/${slug}/{id}`]).sort()).toEqual(['delete', 'get', 'patch'])
    }
    // The generated paths answer for real: a list and an unknown id.
    expect((await aula.api.get('/categories')).status).toBe(200)
    expect((await aula.api.get('/categories/999999')).status).toBe(404)
  })

  it('the docs page renders every operation as plain HTML with nothing loaded from elsewhere', async () => {
    const response = await aula.api.get('/docs')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/text\/html/)
    expect(response.text).toContain('data-operation="POST /api/webinars/{id}/register"')
    expect(response.text).toContain('data-operation="GET /api/enrollments/export.csv"')
    expect(response.text).not.toMatch(/<script|https?:\/\/(?!localhost)/)
  })
})
