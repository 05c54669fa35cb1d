import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import type { FlattenedField, SanitizedCollectionConfig } from 'payload'

import { collections as aulaCollections } from '../../src/collections'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createCourse, createWebinar, errorPaths } from '../helpers/catalog'
import { ManualClock } from '../helpers/manualClock'
import { expectSafe, failOnUnhandledRejections } from './hostileSafety'

/**
 * Every query parameter Payload's REST reads, on every collection and global the config has
 * (read from the config, so a new collection or field is covered without editing this file),
 * as an anonymous caller and as an admin: never a 5xx. Ids that are not exactly a positive whole
 * number are a 404 for reads, updates and deletes, and change nothing.
 */
let aula: TestAula
let adminToken: string
let webinarId: number
const clock = new ManualClock('2030-01-10T12:00:00.000Z')
const runs = { seed: 20301110 }

beforeAll(async () => {
  aula = await startTestAula({ clock })
  adminToken = (await aula.createUser(['admin'])).token
  webinarId = (await createWebinar(aula.payload)).id
  await createCourse(aula.payload)
  const student = await aula.createUser(['student'])
  await aula.api.post(`/webinars/${webinarId}/register`, undefined, { token: student.token })
}, 120_000)

afterAll(async () => {
  await aula?.close()
})

failOnUnhandledRejections()

/** Every collection with a REST API (Payload's payload-migrations has none: it answers 501 "Cannot GET" to anything). */
const collections = () => aula.payload.config.collections.filter((collection) => collection.endpoints !== false).map((collection) => collection.slug)
const configOf = (slug: string) => (aula.payload.collections as unknown as Record<string, { config: SanitizedCollectionConfig }>)[slug].config
const globals = () => aula.payload.config.globals.map((global) => global.slug)
const PUBLIC_COLLECTIONS = new Set(['webinars', 'courses', 'speakers', 'categories', 'media'])
/** Aula's own collections (Payload adds its internal ones, such as payload-jobs, outside Aula's guards). */
const AULA_COLLECTIONS = new Set(aulaCollections.map((collection) => collection.slug))
/** Collections under Aula's guards (those Payload adds itself, such as payload-jobs, get only the 400 net: docs/security.md). */
const GUARDED = [...AULA_COLLECTIONS]

/** Hostile values for one query parameter, written as the query string a caller would send. */
const PARAMETER_VALUES: Record<string, string[]> = {
  where: ['abc', '1', 'null', '[]', '"x"', '{', '{"title":"x"}', '{"or":"x"}', '{"and":[1]}', '%00', '{"id":{"equals":"%00"}}'],
  sort: ['', '-', '--id', 'id,-id', '%00', 'notAField', '__proto__', 'a.b.c.d.e', 'x'.repeat(5000), 'description', '-updatedAt,createdAt'],
  page: ['-1', '0', '1e20', 'abc', '1.5', '99999999999', '', '%00', 'Infinity', 'NaN'],
  limit: ['-1', '1e20', 'abc', '1.5', '99999999999', '', '%00', 'Infinity', '0'],
  depth: ['-1', '1e9', 'abc', '1.5', '%00', '100'],
  select: ['abc', '1', '%00'],
  populate: ['abc', '1', '%00'],
  locale: ['xx', '%00', 'all', '*', 'x'.repeat(5000)],
  draft: ['abc', 'true', '%00', '1'],
  trash: ['abc', 'true', '%00', '1'],
  joins: ['abc', 'false', '%00', '1'],
}
/** The bracket forms of the same parameters (`where[x]=…`, `select[a][b]=…`). */
const BRACKET_QUERIES = [
  'where[or]=abc',
  'where[and][0]=abc',
  'where[or][0][or][0]=abc',
  'where[title]=abc',
  'where[title][equals][a]=b',
  'where[id][equals]=1.5',
  'where[id][in][0]=%00',
  'where[__proto__][polluted]=yes',
  'select[__proto__]=1',
  'select[title]=abc',
  'select[a][b][c]=true',
  'populate[speakers][name]=true',
  'populate[__proto__]=1',
  'joins[x][limit]=-1',
  'joins[x][where][a]=b',
  'sort[0]=title&sort[1]=%00',
  'limit[0]=1',
  'page[a]=1',
  'depth[0]=1',
  'trash[a]=1',
]

describe('every REST query parameter on every collection and global', () => {
  it('no value of any parameter answers 5xx, on any collection (admin everywhere, anonymous on what is public)', async () => {
    const queries = [...Object.entries(PARAMETER_VALUES).flatMap(([param, values]) => values.map((value) => `${param}=${value}`)), ...BRACKET_QUERIES]
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...collections()), fc.constantFrom(...queries), fc.boolean(), async (slug, query, anonymous) => {
        // Anonymous reads stop at access on private collections; on public ones they run the whole query.
        const token = anonymous && PUBLIC_COLLECTIONS.has(slug) ? undefined : adminToken
        const path = query.startsWith('where=') && anonymous ? `/${slug}/count?${query}` : `/${slug}?${query}`
        expectSafe(await aula.api.get(path, { token }), `${token ? 'admin' : 'anonymous'} GET ${path.slice(0, 200)}`)
      }),
      { ...runs, numRuns: 400 },
    )
  }, 180_000)

  it('every value of every parameter, on webinars as anonymous and admin', async () => {
    const queries = [...Object.entries(PARAMETER_VALUES).flatMap(([param, values]) => values.map((value) => `${param}=${value}`)), ...BRACKET_QUERIES]
    for (const token of [undefined, adminToken]) {
      for (const query of queries) expectSafe(await aula.api.get(`/webinars?${query}`, { token }), `GET /webinars?${query.slice(0, 200)}`)
    }
  }, 120_000)

  it('no value of any parameter answers 5xx on a global', async () => {
    for (const slug of globals()) {
      for (const [param, values] of Object.entries(PARAMETER_VALUES)) {
        for (const value of values) expectSafe(await aula.api.get(`/globals/${slug}?${param}=${value}`, { token: adminToken }), `GET /globals/${slug}?${param}=${value}`)
      }
    }
  }, 60_000)

  it('bad paging is a 400 naming page or limit', async () => {
    for (const query of ['page=-1', 'page=0', 'page=abc', 'page=1e20', 'limit=-1', 'limit=abc', 'limit=1.5']) {
      const response = await aula.api.get(`/webinars?${query}`)
      expect(response.status).toBe(400)
      expect(errorPaths(response.body)).toEqual([query.split('=')[0]])
    }
  })

  it('Payload’s own admin list view still lists: it asks for page 0 when its URL names no page', async () => {
    const admin = await aula.payload.find({ collection: 'users', where: { roles: { contains: 'admin' } }, limit: 1, overrideAccess: true, depth: 0 })
    const asAdminList = await aula.payload.find({ collection: 'webinars', page: 0, limit: 10, overrideAccess: false, user: admin.docs[0], depth: 0 })
    expect(asAdminList.page).toBe(1)
    expect((await aula.api.get('/webinars?page=1&limit=10')).status).toBe(200)
  })

  it('a where that is not an object, at any depth, is a 400 naming it', async () => {
    const cases: [string, string][] = [
      ['where=abc', 'where'],
      ['where=1', 'where'],
      ['where[or]=abc', 'where.or'],
      ['where[and][0]=abc', 'where.and.0'],
      ['where[or][0][and][0][title]=abc', 'where.or.0.and.0.title'],
    ]
    for (const [query, path] of cases) {
      const response = await aula.api.get(`/webinars?${query}`)
      expect(response.status).toBe(400)
      expect(errorPaths(response.body)).toEqual([path])
    }
  })
})

/** Operators Payload reads in `where`, including ones only some field types take. */
const OPERATORS = ['equals', 'not_equals', 'like', 'not_like', 'contains', 'in', 'not_in', 'all', 'exists', 'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal', 'near', 'within', 'intersects', 'bogus']
const whereValue = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('', 'abc', '-1', '0', '1', '1.5', '1e99', 'true', 'null', '%00', '2030-01-01', '10000-01-01', '+010000-01-01T00:00:00Z', '0000-01-01', '1,2,3', 'a,%00', "1' OR '1'='1", 'x'.repeat(3000)),
)

/** Every path a filter can name on a collection: each field, one level into groups, arrays, tabs and relationships. */
function wherePaths(fields: FlattenedField[], prefix = '', depth = 0): string[] {
  return fields.flatMap((field) => {
    const path = `${prefix}${field.name}`
    if (depth < 1 && 'flattenedFields' in field) return [path, ...wherePaths(field.flattenedFields, `${path}.`, depth + 1)]
    return [path]
  })
}

describe('generated where filters on every collection', () => {
  it('any field, any operator, any value: never 5xx (anonymous and admin)', async () => {
    for (const slug of GUARDED) {
      const paths = ['id', 'createdAt', ...wherePaths(configOf(slug).flattenedFields)]
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fc.constantFrom(...paths), fc.constantFrom(...OPERATORS), whereValue), { minLength: 1, maxLength: 3 }),
          fc.boolean(),
          async (clauses, asAdmin) => {
            const query = clauses.map(([field, op, value], i) => `where[or][${i}][${field}][${op}]=${value.includes('%') ? value : encodeURIComponent(value)}`).join('&')
            expectSafe(await aula.api.get(`/${slug}?${query}`, { token: asAdmin ? adminToken : undefined }), `GET /${slug}?${query.slice(0, 300)}`)
          },
        ),
        { ...runs, numRuns: 25 },
      )
    }
  }, 180_000)
})

const INEXACT_IDS = ["1' OR '1'='1", '1.0', ' 1', '01', '1e0', '+1', '0x1', '1 ', '1%00', '1abc', '-1', '0', '1.5', '9007199254740993', '99999999999999999999']

describe('ids that are not exactly a positive whole number', () => {
  it("GET, PATCH and DELETE /api/<collection>/<inexact id> are 404 on every guarded collection and change nothing", async () => {
    for (const [index, slug] of GUARDED.entries()) {
      // Every id on webinars; six of them, in turn, on each other collection.
      const ids = slug === 'webinars' ? INEXACT_IDS : Array.from({ length: 6 }, (_, k) => INEXACT_IDS[(index * 6 + k) % INEXACT_IDS.length])
      const before = await aula.payload.find({ collection: slug as never, limit: 0, depth: 0, overrideAccess: true, pagination: false })
      for (const id of ids) {
        const path = `/${slug}/${encodeURIComponent(id)}`
        for (const response of [
          await aula.api.get(path, { token: adminToken }),
          await aula.api.patch(path, {}, { token: adminToken }),
          await aula.api.delete(path, { token: adminToken }),
        ]) {
          expectSafe(response, `${slug} ${id}`)
          expect({ path, status: response.status }).toEqual({ path, status: 404 })
        }
      }
      const after = await aula.payload.find({ collection: slug as never, limit: 0, depth: 0, overrideAccess: true, pagination: false })
      expect(after.docs).toEqual(before.docs)
    }
  }, 180_000)

  it('the custom endpoints that take an id answer 404 to an inexact one', async () => {
    for (const id of INEXACT_IDS) {
      for (const [method, template] of [
        ['POST', '/webinars/:id/register'],
        ['POST', '/enrollments/:id/cancel'],
        ['GET', '/enrollments/:id/cancel-link'],
        ['POST', '/leads/:id/convert'],
        ['POST', '/payments/:id/refund'],
      ] as const) {
        const path = template.replace(':id', encodeURIComponent(id))
        const response = await aula.api.request(method, path, { token: adminToken, body: method === 'POST' ? {} : undefined })
        expectSafe(response, `${method} ${path}`)
        expect({ path, status: response.status }).toEqual({ path, status: 404 })
      }
    }
  }, 60_000)

  it('a relationship id in a body must be exact: "1\' OR \'1\'=\'1" does not link document 1', async () => {
    const speaker = await aula.payload.create({ collection: 'speakers', data: { name: 'Ponente' } as never, overrideAccess: true })
    for (const id of [`${speaker.id}' OR '1'='1`, `0${speaker.id}`, ` ${speaker.id}`, `${speaker.id}.0`, `${speaker.id}e0`]) {
      const response = await aula.api.patch(`/webinars/${webinarId}`, { speakers: [id] }, { token: adminToken })
      expect(response.status).toBe(400)
      expect(errorPaths(response.body)).toEqual(['speakers.0'])
    }
    const webinar = await aula.payload.findByID({ collection: 'webinars', id: webinarId, depth: 0, overrideAccess: true })
    expect(webinar.speakers ?? []).toEqual([])
  })

  it('GraphQL by-id queries on every collection never answer 5xx', async () => {
    const ids = [-1, 0, 1.5, 2 ** 53, 1e20, '1', "1' OR '1'='1", null, true, {}]
    for (const slug of collections()) {
      const config = configOf(slug)
      if (config.graphQL === false || !config.graphQL?.singularName) continue
      const query = `query($id: Int!) { ${config.graphQL.singularName}(id: $id) { id } }`
      for (const id of ids) expectSafe(await aula.api.graphql(query, { id }, adminToken), `GraphQL ${config.graphQL.singularName}(id: ${JSON.stringify(id)})`)
    }
  })
})

describe('more that used to answer 500', () => {
  it('GET /api/media/file/<a name no document has> is a 404', async () => {
    for (const name of ['nope.png', 'nope', '%00.png', 'a'.repeat(300), '..%2F..%2Fetc%2Fpasswd']) {
      const response = await aula.api.get(`/media/file/${name}`)
      expectSafe(response, `GET /media/file/${name}`)
      expect(response.status).toBeGreaterThanOrEqual(400)
    }
    expect((await aula.api.get('/media/file/nope.png')).status).toBe(404)
  })

  it('GraphQL Access answers anonymous callers and students: canAccessAdmin is false', async () => {
    const student = await aula.createUser(['student'])
    for (const token of [undefined, student.token]) {
      const response = await aula.api.graphql('{ Access { canAccessAdmin } }', {}, token)
      expect(response.body).toEqual({ data: { Access: { canAccessAdmin: false } } })
    }
  })

  it('like, contains and equals on rich text are a 400 naming the clause', async () => {
    for (const operator of ['like', 'contains', 'not_like', 'equals', 'in']) {
      const response = await aula.api.get(`/webinars?where[description][${operator}]=a`)
      expect(response.status).toBe(400)
      expect(errorPaths(response.body)).toEqual([`where.description.${operator}`])
    }
  })

  it('a date beyond the year 9999 in a filter is a 400 naming the clause', async () => {
    for (const value of ['10000-01-01', '+010000-01-01T00:00:00Z', 'not-a-date']) {
      const response = await aula.api.get(`/webinars?where[startsAt][greater_than]=${encodeURIComponent(value)}`)
      expect(response.status).toBe(400)
      expect(errorPaths(response.body)).toEqual(['where.startsAt.greater_than'])
    }
  })
})
