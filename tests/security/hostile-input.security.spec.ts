import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'

import { startTestAula, type TestAula } from '../helpers/aula'
import { createCourse, createWebinar, errorPaths } from '../helpers/catalog'
import { ManualClock } from '../helpers/manualClock'
import { expectSafe, failOnUnhandledRejections } from './hostileSafety'

/**
 * Hostile input against every public endpoint: whatever a caller sends, Aula answers with a 2xx
 * or a 4xx (never a 5xx), a refused request writes nothing, and Object.prototype stays clean.
 */
let aula: TestAula
const clock = new ManualClock('2030-01-10T12:00:00.000Z')
let webinarId: number, courseId: number, enrollmentId: number, studentToken: string
const runs = { numRuns: 40, seed: 20301110 }
const PRIVATE_COUNTS = ['users', 'enrollments', 'leads', 'payments'] as const

beforeAll(async () => {
  aula = await startTestAula({ clock, stripe: { secretKey: 'sk_test_hostile', webhookSecret: 'whsec_hostile', apiUrl: 'http://127.0.0.1:9' } })
  webinarId = (await createWebinar(aula.payload)).id
  courseId = (await createCourse(aula.payload, { regularPrice: 0 })).id
  const student = await aula.createUser(['student'])
  studentToken = student.token
  enrollmentId = (await aula.api.post(`/webinars/${webinarId}/register`, undefined, { token: student.token })).body.doc.id
}, 120_000)

afterAll(async () => {
  await aula?.close()
})

const counts = async () =>
  Object.fromEntries(
    await Promise.all(PRIVATE_COUNTS.map(async (collection) => [collection, (await aula.payload.count({ collection, overrideAccess: true })).totalDocs])),
  )

const hugeString = fc.constant('x'.repeat(100_000))
const edgeString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\uD800', '\uDFFF', 'a\uD83Dz', '\u202Eevil\u202C', 'ab\u200Bc\uFEFF', '👩🏽‍💻🇪🇸', '\u0000', "' OR 1=1--", '"; DROP TABLE users;--', '%00', '${7*7}', '{{constructor}}'),
  hugeString,
)
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    edgeString,
    fc.integer(),
    fc.double(),
    fc.constantFrom(null, true, false, -1, 1e99, Number.MAX_SAFE_INTEGER + 2, 'abc', '-1', '1e99', [], {}),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'where', 'id', 'roles', 'status'), tie('value'), { maxKeys: 3 }),
  ),
})).value
const POLLUTION = ['{"__proto__":{"polluted":"yes"}}', '{"constructor":{"prototype":{"polluted":"yes"}}}']

/** A body for an endpoint with `fields`: each field missing, of the wrong type, or hostile, plus extra keys. */
const hostileBody = (fields: string[]) =>
  fc.record(
    Object.fromEntries([...fields, 'roles', 'status', 'amount', 'extra'].map((field) => [field, hostileValue])),
    { requiredKeys: [] },
  )


/**
 * Unhandled promise rejections left behind by a request are failures too. (Payload 3.88 leaves one
 * for a refused filter through two relationships, `where[speakers.user.email]`; Aula refuses those
 * filters before Payload validates them: src/queryGuards.)
 */
failOnUnhandledRejections()

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

const publicEndpoints: { name: string; path: () => string; fields: string[] }[] = [
  { name: 'register for a webinar', path: () => `/webinars/${webinarId}/register`, fields: ['email', 'firstName', 'lastName', 'phone', 'company'] },
  { name: 'enroll in a course', path: () => `/courses/${courseId}/enroll`, fields: ['email', 'firstName', 'lastName', 'phone', 'company'] },
  { name: 'submit a lead', path: () => '/leads', fields: ['firstName', 'lastName', 'email', 'phone', 'company', 'type', 'interest', 'message', 'headcount'] },
  { name: 'log in', path: () => '/users/login', fields: ['email', 'password'] },
  { name: 'ask for a password reset', path: () => '/users/forgot-password', fields: ['email'] },
  { name: 'cancel by link', path: () => `/enrollments/${enrollmentId}/cancel-link`, fields: ['token'] },
]

describe('hostile JSON bodies on public endpoints', () => {
  it.each(publicEndpoints)('$name never answers 5xx and refused requests write nothing', async ({ name, path, fields }) => {
    await fc.assert(
      fc.asyncProperty(hostileBody(fields), async (body) => {
        const before = await counts()
        const response = await aula.api.post(path(), body)
        expectSafe(response, `POST ${path()} ${JSON.stringify(body).slice(0, 200)}`)
        if (response.status >= 400) expect(await counts()).toEqual(before)
      }),
      { ...runs, numRuns: 25 },
    )
  }, 60_000)
})

describe('errors name the field at fault', () => {
  it.each(publicEndpoints.slice(0, 3))('$name answers a bad email with a 4xx naming email', async ({ path }) => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(edgeString.filter((s) => !s.includes('@')), fc.integer(), fc.constant(null), fc.array(fc.string())), async (email) => {
        const before = await counts()
        const response = await aula.api.post(path(), { email, firstName: 'Ana', lastName: 'Pérez' })
        expectSafe(response, `POST ${path()} email=${JSON.stringify(email).slice(0, 100)}`)
        expect(response.status).toBeGreaterThanOrEqual(400)
        expect(errorPaths(response.body)).toContain('email')
        expect(await counts()).toEqual(before)
      }),
      { ...runs, numRuns: 15 },
    )
  }, 60_000)
})

describe('every field of the public forms', () => {
  const personFields = ['firstName', 'lastName', 'phone', 'company']
  const forms = [
    { name: 'register for a webinar', path: () => `/webinars/${webinarId}/register`, fields: personFields },
    { name: 'enroll in a course', path: () => `/courses/${courseId}/enroll`, fields: personFields },
    {
      name: 'submit a lead',
      path: () => '/leads',
      fields: [...personFields, 'position', 'type', 'interest', 'headcount', 'message', 'preferredDates', 'utmSource', 'utmMedium', 'utmCampaign', 'utmTerm', 'utmContent'],
    },
  ]
  /** Values no field of these forms accepts. */
  const invalidValue = fc.oneof(
    fc.array(fc.string(), { minLength: 1, maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.string(), { minKeys: 1, maxKeys: 2 }),
    fc.boolean(),
    hugeString,
    fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom('\u0000', '\u0007', '\u001B', '\u007F')).map(([text, control]) => `${text}${control}x`),
  )
  let counter = 0
  it.each(forms)('$name answers an invalid value in any field with a 4xx naming that field, and writes nothing', async ({ path, fields }) => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), invalidValue, async (field, value) => {
        const before = await counts()
        const body = { email: `campo${(counter += 1)}@example.com`, firstName: 'Ana', lastName: 'Pérez', [field]: value }
        const response = await aula.api.post(path(), body)
        expectSafe(response, `POST ${path()} ${field}=${JSON.stringify(value).slice(0, 80)}`)
        expect(response.status).toBe(400)
        expect(errorPaths(response.body)).toEqual([field])
        expect(await counts()).toEqual(before)
      }),
      { ...runs, numRuns: 60 },
    )
  }, 90_000)
})

describe('malformed requests on public endpoints', () => {
  const raw = ['{', '{"email": ', 'null', '[]', '"text"', '1e99', ...POLLUTION, '\uD800', 'x'.repeat(100_000)]
  it.each(publicEndpoints)('$name answers malformed JSON and multipart with a 4xx, never 5xx', async ({ path }) => {
    for (const body of raw) {
      const before = await counts()
      const response = await aula.api.request('POST', path(), { body, headers: { 'content-type': 'application/json' } })
      expectSafe(response, `POST ${path()} raw ${body.slice(0, 50)}`)
      if (response.status >= 400) expect(await counts()).toEqual(before)
    }
    const multipart = await aula.api.request('POST', path(), {
      body: '--xyz\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{"email":\r\n--xy',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
    })
    expectSafe(multipart, `POST ${path()} malformed multipart`)
  })
})

describe('invalid ids in public paths', () => {
  const ids = ['-1', '1e99', 'abc', '%00', '0', '99999999999999999999', '1%27%20OR%201=1--', '..%2F..%2Fusers']
  it.each(['/webinars/:id/register', '/courses/:id/enroll', '/enrollments/:id/cancel', '/enrollments/:id/cancel-link', '/webinars/:id', '/courses/:id'])(
    '%s answers an invalid id with a 4xx',
    async (template) => {
      for (const id of ids) {
        const path = template.replace(':id', id)
        const method = template.endsWith(':id') || template.endsWith('cancel-link') ? 'GET' : 'POST'
        const response = await aula.api.request(method, path, { body: method === 'POST' ? { email: 'a@example.com', firstName: 'A', lastName: 'B' } : undefined })
        expectSafe(response, `${method} ${path}`)
        // An id names one document exactly: `/webinars/1' OR 1=1--` used to be read as `/webinars/1`.
        expect({ path, status: response.status }).toEqual({ path, status: 404 })
      }
    },
  )
})

describe('REST where queries on public collections', () => {
  const fixed = [
    "where[title][like]=' OR 1=1--",
    'where[or][0][title][equals]=a&where[or][1][status][equals]=draft',
    'where[status][equals]=draft',
    'where[extraNotes][exists]=true',
    'where[title][regexp]=(a%2B)%2B$',
    'where[title][unknownOp]=1',
    'where[notAField][equals]=1',
    'where[speakers.email][exists]=true',
    'where[id][in]=1,-1,0',
    'where[id][in]=1,abc',
    'where[id][equals]=1e99',
    'where[speakers][equals]=abc',
    'where[category][in]=abc,%00',
    'where[status][equals]=bogus',
    'where[title][equals]=%00',
    'where[title][equals]=%ED%A0%80',
    'where[title][within]=1,2,3',
    'where[title][near]=1,2',
    'where[title][intersects]=a',
    'where[title][all]=a',
    'where[title][in][__proto__]=a',
    'where[startsAt][equals]=99999-99-99',
    'where[startsAt][greater_than]=2030-13-45T99:99:99Z',
    'where[capacity][equals]=1e99',
    'where[speakers.user.email][like]=a',
    'where[speakers.email][like]=a',
    'limit=1e99',
    'limit=1e99&page=abc',
    'page=1e99',
    'limit=abc&depth=abc&sort=%00',
    'where[startsAt][greater_than]=not-a-date',
    'where[capacity][less_than]=abc',
    'where[__proto__][polluted]=yes',
    'where[constructor][prototype][polluted]=yes',
    `where${'[and][0]'.repeat(60)}[title][equals]=a`,
    'sort=;DROP TABLE users',
    'limit=-1&page=-1',
    'depth=999',
    'select[__proto__]=1',
  ]
  it.each(['webinars', 'courses', 'speakers', 'categories'])('%s answers hostile where queries without 5xx and without leaking drafts or staff fields', async (collection) => {
    const draft = await createWebinar(aula.payload, { status: 'draft', title: 'Borrador secreto', extraNotes: 'secreto' })
    for (const query of fixed) {
      const response = await aula.api.get(`/${collection}?${query}`)
      expectSafe(response, `GET /${collection}?${query}`)
      const text = JSON.stringify(response.body)
      expect(text).not.toContain('secreto')
    }
    await aula.payload.delete({ collection: 'webinars', id: draft.id, overrideAccess: true })
  })

  it('generated where queries on webinars never answer 5xx', async () => {
    // Every kind of column (text, number, date, id, select, relationship, nested) with every operator,
    // including array and geo operators on columns that are neither.
    const key = fc.constantFrom('title', 'slug', 'summary', 'id', 'capacity', 'startsAt', 'status', 'speakers', 'category', 'speakers.name', 'modules.title', 'notAField', '__proto__', 'constructor')
    const operator = fc.constantFrom('equals', 'not_equals', 'like', 'contains', 'in', 'not_in', 'all', 'exists', 'greater_than', 'less_than_equal', 'near', 'within', 'intersects', 'bogus')
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(key, operator, edgeString.filter((s) => s.length < 2000 && !LONE_SURROGATE.test(s))), { minLength: 1, maxLength: 3 }), async (clauses) => {
        const query = clauses.map(([field, op, value], i) => `where[or][${i}][${field}][${op}]=${encodeURIComponent(value)}`).join('&')
        expectSafe(await aula.api.get(`/webinars?${query}`), `GET /webinars?${query.slice(0, 300)}`)
      }),
      { ...runs, numRuns: 150 },
    )
  }, 60_000)
})

describe('GraphQL', () => {
  it('hostile queries and variables never answer 5xx', async () => {
    const queries = [
      '{ Webinars(where: { title: { like: "\' OR 1=1--" } }) { docs { id } } }',
      '{ Webinars(where: { OR: [{ status: { equals: draft } }] }) { docs { id extraNotes } } }',
      '{ Webinar(id: -1) { id } }',
      '{ Webinar(id: 1e99) { id } }',
      '{ Users { docs { email } } }',
      '{ Webinars(limit: -1, page: -5) { docs { id } } }',
      `{ ${'Webinars { docs { speakers { '.repeat(1)}id } } } }`,
      '{ __proto__ }',
      '{',
      'mutation { createUser(data: { email: "x@example.com", password: "x", roles: admin }) { id } }',
    ]
    for (const query of queries) expectSafe(await aula.api.graphql(query, {}), `GraphQL ${query}`)
    await fc.assert(
      fc.asyncProperty(hostileValue, hostileValue, async (id, where) => {
        const response = await aula.api.graphql('query($id: Int!, $where: Webinar_where) { Webinar(id: $id) { id } Webinars(where: $where) { docs { id } } }', { id, where } as Record<string, unknown>)
        expectSafe(response, `GraphQL variables ${JSON.stringify({ id, where }).slice(0, 300)}`)
      }),
      runs,
    )
  }, 60_000)

  it('registerForWebinar with hostile arguments never answers 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(hostileValue, hostileValue, async (id, email) => {
        const before = await counts()
        const response = await aula.api.graphql('mutation($id: Int!, $email: String) { registerForWebinar(id: $id, email: $email, firstName: "A", lastName: "B") { id } }', { id, email } as Record<string, unknown>)
        expectSafe(response, `registerForWebinar ${JSON.stringify({ id, email }).slice(0, 300)}`)
        if (response.body.errors) expect(await counts()).toEqual(before)
      }),
      { ...runs, numRuns: 20 },
    )
  }, 60_000)
})

describe('Stripe webhook', () => {
  it('answers bad signatures and hostile bodies with a 4xx and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(edgeString, fc.constantFrom(undefined, '', 't=1,v1=abc', 't=abc,v1=', 't=99999999999,v1=' + 'a'.repeat(64))), hostileValue, async (signature, body) => {
        const before = await counts()
        const headers: Record<string, string> = { 'content-type': 'application/json' }
        if (typeof signature === 'string' && /^[\x20-\x7e]*$/.test(signature) && signature.length < 8000) headers['stripe-signature'] = signature
        const response = await aula.api.request('POST', '/stripe/webhooks', { body: JSON.stringify(body ?? null), headers })
        expectSafe(response, `webhook sig=${String(signature).slice(0, 50)}`)
        expect(response.status).toBeGreaterThanOrEqual(400)
        expect(await counts()).toEqual(before)
      }),
      runs,
    )
  }, 60_000)
})

describe('a logged-in student', () => {
  it('cannot pollute or escalate through their own profile', async () => {
    for (const body of POLLUTION) {
      const me = await aula.api.get('/users/me', { token: studentToken })
      const response = await aula.api.request('PATCH', `/users/${me.body.user.id}`, { body, token: studentToken, headers: { 'content-type': 'application/json' } })
      expectSafe(response, `PATCH /users/me ${body}`)
    }
  })
})

describe('JSON-path filters by staff', () => {
  it('hostile JSON-path filters on the email log never answer 5xx and never match rows they should not', async () => {
    const editor = await aula.createUser(['editor'])
    const total = (await aula.payload.count({ collection: 'email-log', overrideAccess: true })).totalDocs
    expect(total).toBeGreaterThan(0)
    const injections = ["' OR 1=1--", "x' OR '1'='1", "\\' OR 1=1--", '") OR 1=1--', "'; DROP TABLE users;--", '%', '_']
    for (const operator of ['equals', 'like', 'contains', 'not_equals', 'in', 'exists']) {
      for (const value of injections) {
        for (const path of ['variables.firstName', "variables.first'Name", 'variables.a.b.c']) {
          const query = `where[${encodeURIComponent(path)}][${operator}]=${encodeURIComponent(value)}`
          const response = await aula.api.get(`/email-log?${query}&limit=500`, { token: editor.token })
          expectSafe(response, `GET /email-log?${query}`)
          // A value that matches nothing must not widen into "every row".
          if (response.status === 200 && !['not_equals', 'exists'].includes(operator)) expect(response.body.totalDocs).toBeLessThan(total)
        }
      }
    }
    expect(await aula.payload.count({ collection: 'users', overrideAccess: true })).toMatchObject({ totalDocs: expect.any(Number) })
  }, 60_000)
})
