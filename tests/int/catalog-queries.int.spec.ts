import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'
import { ManualClock } from '../helpers/manualClock'

/** The frontend queries documented in docs/api-catalog.md, exactly as written there. */
let aula: TestAula
let ids: { ana: number; luis: number; datos: number }

beforeAll(async () => {
  aula = await startTestAula({ clock: new ManualClock('2030-05-01T00:00:00.000Z') })
  const { payload } = aula
  const ana = await payload.create({ collection: 'speakers', data: { name: 'Ana' }, overrideAccess: true })
  const luis = await payload.create({ collection: 'speakers', data: { name: 'Luis' }, overrideAccess: true })
  const datos = await payload.create({ collection: 'categories', data: { name: 'Análisis de datos' }, overrideAccess: true })
  const gestion = await payload.create({ collection: 'categories', data: { name: 'Gestión' }, overrideAccess: true })
  ids = { ana: ana.id, luis: luis.id, datos: datos.id }
  await createWebinar(payload, { title: 'Pasado', startsAt: '2030-04-01T00:00:00Z', status: 'completed', category: datos.id, speakers: [ana.id] })
  await createWebinar(payload, { title: 'Junio', startsAt: '2030-06-01T00:00:00Z', category: datos.id, speakers: [ana.id, luis.id] })
  await createWebinar(payload, { title: 'Mayo', startsAt: '2030-05-10T00:00:00Z', category: gestion.id, speakers: [luis.id] })
  await createWebinar(payload, { title: 'Borrador futuro', startsAt: '2030-05-20T00:00:00Z', status: 'draft', category: datos.id })
})

afterAll(async () => {
  await aula.close()
})

const titles = (response: { body: any }) => response.body.docs.map((doc: any) => doc.title)

describe('frontend catalog queries', () => {
  it('list upcoming published webinars ordered by start', async () => {
    const now = aula.clock.now().toISOString()
    const response = await aula.api.get(
      `/webinars?where[status][equals]=published&where[startsAt][greater_than_equal]=${now}&sort=startsAt`,
    )
    expect(titles(response)).toEqual(['Mayo', 'Junio'])
  })

  it('filter by category slug', async () => {
    const response = await aula.api.get('/webinars?where[category.slug][equals]=analisis-de-datos&sort=startsAt')
    expect(titles(response)).toEqual(['Pasado', 'Junio'])
  })

  it('filter by speaker', async () => {
    const response = await aula.api.get(`/webinars?where[speakers][in]=${ids.luis}&sort=startsAt`)
    expect(titles(response)).toEqual(['Mayo', 'Junio'])
  })

  it('page through results', async () => {
    const response = await aula.api.get('/webinars?sort=startsAt&limit=2&page=2')
    expect(titles(response)).toEqual(['Junio'])
    expect(response.body).toMatchObject({ totalDocs: 3, totalPages: 2, page: 2, hasPrevPage: true, hasNextPage: false })
  })

  it('keep payloads small with select and depth', async () => {
    const response = await aula.api.get(
      '/webinars?sort=startsAt&depth=1&select[title]=true&select[slug]=true&select[startsAt]=true&select[category]=true&populate[categories][name]=true&populate[categories][slug]=true',
    )
    const first = response.body.docs[0]
    expect(first).not.toHaveProperty('description')
    expect(first).not.toHaveProperty('summary')
    expect(first).toMatchObject({ title: 'Pasado', slug: 'pasado', startsAt: '2030-04-01T00:00:00.000Z' })
    expect(Object.keys(first.category).sort()).toEqual(['id', 'name', 'slug'])
  })

  it('still compute seats left and the current price when the caller selects only those', async () => {
    const limited = await createWebinar(aula.payload, { title: 'Con cupos', capacity: 25, status: 'completed', startsAt: '2030-04-15T00:00:00Z' })
    const webinar = await aula.api.get(`/webinars/${limited.id}?select[seatsLeft]=true`)
    expect(webinar.body.seatsLeft).toBe(25)
    const course = await aula.payload.create({
      collection: 'courses',
      overrideAccess: true,
      data: { title: 'Curso', courseCode: 'Q-1', status: 'published', regularPrice: 100, earlyBirdPrice: 80, earlyBirdDeadline: '2030-05-02T00:00:00Z', currency: 'USD' } as never,
    })
    const price = await aula.api.get(`/courses/${course.id}?select[currentPrice]=true`)
    expect(price.body.currentPrice).toBe(80)
  })

  it('work the same through GraphQL', async () => {
    const response = await aula.api.graphql(
      `query Upcoming($now: DateTime) {
        Webinars(where: { status: { equals: published }, startsAt: { greater_than_equal: $now } }, sort: "startsAt", limit: 10) {
          docs { title slug startsAt timezone seatsLeft category { name slug } speakers { name } }
          totalDocs
        }
      }`,
      { now: aula.clock.now().toISOString() },
    )
    expect(response.body.errors).toBeUndefined()
    expect(response.body.data.Webinars.docs.map((doc: any) => doc.title)).toEqual(['Mayo', 'Junio'])
    expect(response.body.data.Webinars.docs[1].speakers.map((s: any) => s.name)).toEqual(['Ana', 'Luis'])
  })
})
