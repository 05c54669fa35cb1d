import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { startTestAula, type TestAula } from '../helpers/aula'
import { courseData, createCourse, createWebinar, errorPaths, webinarData } from '../helpers/catalog'
import { ManualClock } from '../helpers/manualClock'

let aula: TestAula
let editor: { token: string }
const clock = new ManualClock('2030-01-10T12:00:00.000Z')

beforeAll(async () => {
  aula = await startTestAula({ clock })
  editor = await aula.createUser(['editor'])
})

afterAll(async () => {
  await aula.close()
})

let person = 0
const someone = () => ({ email: `persona${(person += 1)}-${Date.now()}@example.com`, firstName: 'Rosa', lastName: `Quispe ${person}` })
const storedPrice = async (collection: 'webinars' | 'courses', id: number, field: string) =>
  (await aula.payload.findByID({ collection, id, overrideAccess: true, depth: 0 }) as unknown as Record<string, unknown>)[field]
const enrollmentsFor = async (id: number) =>
  (await aula.payload.count({ collection: 'enrollments', where: { 'item.value': { equals: id } }, overrideAccess: true })).totalDocs

/** Each hostile price with the currency it is tried in. */
const nonsense: [string, unknown, string][] = [
  ['1e308', 1e308, 'USD'],
  ['0.001', 0.001, 'USD'],
  ['"12abc"', '12abc', 'USD'],
  ['"Infinity"', 'Infinity', 'USD'],
  ['a negative price', -5, 'USD'],
  ['a price under Stripe’s minimum charge', 0.3, 'USD'],
  ['cents in a zero-decimal currency', 1500.5, 'JPY'],
  ['a price over Stripe’s largest charge', 1_000_000, 'USD'],
  ['a paid price in a currency with no known minimum charge', 100, 'ISK'],
]

describe('prices refuse nonsense (REST)', () => {
  for (const [label, price, currency] of nonsense) {
    it(`an editor creating a paid webinar with ${label} gets a 400 naming price, and nothing is created`, async () => {
      const before = (await aula.payload.count({ collection: 'webinars', overrideAccess: true })).totalDocs
      const response = await aula.api.post('/webinars', webinarData({ isFree: false, price, currency }), { token: editor.token })
      expect(response.status).toBe(400)
      expect(errorPaths(response.body)).toContain('price')
      expect((await aula.payload.count({ collection: 'webinars', overrideAccess: true })).totalDocs).toBe(before)
    })

    it(`an editor updating a course's regular and early-bird prices to ${label} gets a 400 naming them, and the prices stay`, async () => {
      const course = await createCourse(aula.payload, { currency, regularPrice: currency === 'ISK' ? 0 : 5000 })
      const regular = await aula.api.patch(`/courses/${course.id}`, { regularPrice: price }, { token: editor.token })
      expect(regular.status).toBe(400)
      expect(errorPaths(regular.body)).toContain('regularPrice')
      const early = await aula.api.patch(`/courses/${course.id}`, { earlyBirdPrice: price, earlyBirdDeadline: '2030-02-01T00:00:00.000Z' }, { token: editor.token })
      expect(early.status).toBe(400)
      expect(errorPaths(early.body)).toContain('earlyBirdPrice')
      expect(await storedPrice('courses', course.id, 'regularPrice')).toBe(currency === 'ISK' ? 0 : 5000)
      expect(await storedPrice('courses', course.id, 'earlyBirdPrice') ?? null).toBeNull()
    })
  }

  it('switching a webinar to a currency its price does not fit is refused too', async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 49.9, currency: 'USD' })
    const response = await aula.api.patch(`/webinars/${webinar.id}`, { currency: 'JPY' }, { token: editor.token })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toContain('price')
  })

  it('sensible prices are accepted: free, Stripe’s minimum, cents, whole yen, a large course', async () => {
    for (const [price, currency] of [[0, 'USD'], [0.5, 'USD'], [49.9, 'EUR'], [2, 'PEN'], [1500, 'JPY'], [150000, 'CLP'], [999_999.99, 'USD']] as const) {
      const response = await aula.api.post('/webinars', webinarData({ isFree: price === 0, price, currency }), { token: editor.token })
      expect([price, currency, response.status]).toEqual([price, currency, 201])
    }
    expect((await aula.api.post('/webinars', webinarData({ isFree: false, price: '12.50', currency: 'USD' }), { token: editor.token })).status).toBe(201)
  })
})

describe('prices refuse nonsense (GraphQL)', () => {
  const update = (id: number, price: unknown) =>
    aula.api.graphql('mutation ($id: Int!, $price: Float) { updateWebinar(id: $id, data: { isFree: false, price: $price }) { price } }', { id, price }, editor.token)

  for (const price of [1e308, 0.001, 0.3, -1, '12abc']) {
    it(`an editor setting a webinar's price to ${JSON.stringify(price)} through GraphQL gets an error and the price stays`, async () => {
      const webinar = await createWebinar(aula.payload, { isFree: false, price: 30, currency: 'USD' })
      const response = await update(webinar.id, price)
      expect(response.status).toBeLessThan(500)
      expect(response.body.errors?.length).toBeGreaterThan(0)
      expect(await storedPrice('webinars', webinar.id, 'price')).toBe(30)
    })
  }

  it('an editor creating a course with 0.001 as its early-bird price through GraphQL gets an error naming it', async () => {
    const { modules: _modules, ...data } = courseData({ regularPrice: 100, earlyBirdPrice: 0.001, earlyBirdDeadline: '2030-02-01T00:00:00.000Z' })
    const response = await aula.api.graphql('mutation ($data: mutationCourseInput!) { createCourse(data: $data) { id } }', { data }, editor.token)
    expect(response.status).toBeLessThan(500)
    expect(JSON.stringify(response.body.errors)).toContain('earlyBirdPrice')
  })
})

describe('an item whose price cannot be charged takes no registrations', () => {
  it('a visitor registering for a webinar whose stored price predates the checks gets a 409, and nothing is created', async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 30, currency: 'USD' })
    await aula.payload.db.drizzle.execute(sql`UPDATE webinars SET price = 0.001 WHERE id = ${webinar.id}`)
    const response = await aula.api.post(`/webinars/${webinar.id}/register`, someone())
    expect(response.status).toBe(409)
    expect(await enrollmentsFor(webinar.id)).toBe(0)
  })
})

describe('when a course takes enrollments', () => {
  const enroll = (id: number) => aula.api.post(`/courses/${id}/enroll`, someone())
  const enrollThroughGraphql = (id: number) =>
    aula.api.graphql('mutation ($id: Int!, $person: RegistrationPerson) { enrollInCourse(id: $id, person: $person) { status } }', { id, person: someone() })

  const closed: [string, Record<string, unknown>][] = [
    ['in progress with a start date still ahead', { status: 'in_progress', startDate: '2030-03-02T12:00:00.000Z' }],
    // No dated session either: an empty start date follows the first session's day (docs/courses.md).
    ['in progress with no start date', { status: 'in_progress', startDate: null, modules: [] }],
    ['in progress with a start date passed', { status: 'in_progress', startDate: '2030-01-02T12:00:00.000Z', modules: [] }],
    ['published with no start date', { status: 'published', startDate: null, modules: [] }],
  ]

  for (const [label, overrides] of closed) {
    it(`a visitor enrolling in a free course ${label} gets a clear 409, through REST and GraphQL, and no seat is taken`, async () => {
      const course = await createCourse(aula.payload, { regularPrice: 0, capacity: 10, ...overrides })
      const response = await enroll(course.id)
      expect(response.status).toBe(409)
      expect(response.body.errors[0].message).toMatch(/under way|no start date/)
      const graphql = await enrollThroughGraphql(course.id)
      expect(graphql.body.data?.enrollInCourse ?? null).toBeNull()
      expect(graphql.body.errors?.[0]?.message).toMatch(/under way|no start date/)
      expect(await enrollmentsFor(course.id)).toBe(0)
      expect(await storedPrice('courses', course.id, 'seatsTaken')).toBe(0)
    })
  }

  it('a published course whose start is ahead takes enrollments (the rule’s other side)', async () => {
    const course = await createCourse(aula.payload, { regularPrice: 0, capacity: 10 })
    expect((await enroll(course.id)).status).toBe(201)
    expect((await enrollThroughGraphql(course.id)).body.data?.enrollInCourse?.status).toBe('confirmed')
  })
})
