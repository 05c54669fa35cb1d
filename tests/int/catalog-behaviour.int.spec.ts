import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'
import { createCourse, createWebinar, webinarData } from '../helpers/catalog'
import { ManualClock } from '../helpers/manualClock'

let aula: TestAula
let editor: { id: number; token: string }

beforeAll(async () => {
  aula = await startTestAula({ clock: new ManualClock('2030-01-01T00:00:00.000Z') })
  editor = await aula.createUser(['editor'])
})

afterAll(async () => {
  await aula.close()
})

describe('the current course price', () => {
  it('is the early-bird price until the deadline and the regular price from the deadline on', async () => {
    const deadline = '2030-02-01T05:00:00.000Z'
    const course = await createCourse(aula.payload, { regularPrice: 300, earlyBirdPrice: 240, earlyBirdDeadline: deadline })
    const price = async () => (await aula.api.get(`/courses/${course.id}`)).body.currentPrice

    aula.clock.set('2030-02-01T04:59:59.999Z')
    expect(await price()).toBe(240)
    aula.clock.set(deadline)
    expect(await price()).toBe(300)
    aula.clock.set('2030-03-01T00:00:00.000Z')
    expect(await price()).toBe(300)
  })

  it('is computed in list responses and GraphQL too', async () => {
    aula.clock.set('2030-01-15T00:00:00.000Z')
    const course = await createCourse(aula.payload, { regularPrice: 500, earlyBirdPrice: 400, earlyBirdDeadline: '2030-02-01T00:00:00.000Z' })
    const list = await aula.api.get(`/courses?where[id][equals]=${course.id}`)
    expect(list.body.docs[0].currentPrice).toBe(400)
    const graphql = await aula.api.graphql(`{ Course(id: ${course.id}) { currentPrice regularPrice } }`)
    expect(graphql.body.data.Course).toEqual({ currentPrice: 400, regularPrice: 500 })
  })
})

describe('seats', () => {
  it('left are capacity minus taken, never negative, and empty for unlimited', async () => {
    const limited = await createWebinar(aula.payload, { capacity: 30 })
    await aula.payload.update({ collection: 'webinars', id: limited.id, data: { seatsTaken: 28 }, overrideAccess: true })
    const full = await createWebinar(aula.payload, { capacity: 5 })
    await aula.payload.update({ collection: 'webinars', id: full.id, data: { seatsTaken: 7 }, overrideAccess: true })
    const unlimited = await createWebinar(aula.payload, { capacity: null })

    const list = await aula.api.get(`/webinars?where[id][in]=${limited.id},${full.id},${unlimited.id}&sort=id`)
    expect(list.body.docs.map((doc: any) => [doc.seatsTaken, doc.seatsLeft])).toEqual([
      [28, 2],
      [7, 0],
      [0, null],
    ])
    const course = await createCourse(aula.payload, { capacity: 12 })
    expect((await aula.api.get(`/courses/${course.id}`)).body.seatsLeft).toBe(12)
  })
})

describe('webinar time zones', () => {
  it('store 19:00 in Lima as 00:00 UTC the next day and return it as ISO 8601 with the zone', async () => {
    const created = await aula.api.post(
      '/webinars',
      webinarData({ startsAt: '2030-06-10T19:00:00-05:00', timezone: 'America/Lima' }),
      { token: editor.token },
    )
    expect(created.status).toBe(201)
    const read = await aula.api.get(`/webinars/${created.body.doc.id}`)
    expect(read.body.startsAt).toBe('2030-06-11T00:00:00.000Z')
    expect(read.body.timezone).toBe('America/Lima')

    const changed = await aula.api.patch(`/webinars/${created.body.doc.id}`, { timezone: 'Europe/Madrid' }, { token: editor.token })
    expect(changed.body.doc.timezone).toBe('Europe/Madrid')
    const graphql = await aula.api.graphql(`{ Webinar(id: ${created.body.doc.id}) { startsAt timezone } }`)
    expect(graphql.body.data.Webinar).toEqual({ startsAt: '2030-06-11T00:00:00.000Z', timezone: 'Europe/Madrid' })
  })

  it('default to America/Lima and accept UTC', async () => {
    const { timezone: _omitted, ...withoutZone } = webinarData()
    const created = await aula.api.post('/webinars', withoutZone, { token: editor.token })
    expect(created.body.doc.timezone).toBe('America/Lima')
    const utc = await aula.api.post('/webinars', webinarData({ timezone: 'UTC' }), { token: editor.token })
    expect(utc.status).toBe(201)
    expect(utc.body.doc.timezone).toBe('UTC')
  })
})

describe('searching the catalog', () => {
  beforeAll(async () => {
    await createWebinar(aula.payload, { title: 'Introducción a la Programación', summary: 'Primeros pasos' })
    await createWebinar(aula.payload, { title: 'Marketing digital', summary: 'Campañas y PROGRAMACIÓN de anuncios' })
    await createWebinar(aula.payload, { title: 'Excel avanzado', summary: 'Tablas dinámicas' })
  })

  const search = async (text: string) => {
    const response = await aula.api.get(`/webinars?where[searchText][like]=${encodeURIComponent(text)}&sort=title&limit=50`)
    expect(response.status).toBe(200)
    return response.body.docs.map((doc: any) => doc.title)
  }

  it('finds accented titles and summaries from plain input, whatever the case', async () => {
    expect(await search('programacion')).toEqual(['Introducción a la Programación', 'Marketing digital'])
    expect(await search('PROGRAMACION')).toEqual(['Introducción a la Programación', 'Marketing digital'])
  })

  it('finds plain text from accented input', async () => {
    expect(await search('PROGRAMACIÓN')).toEqual(['Introducción a la Programación', 'Marketing digital'])
    expect(await search('dinámicas')).toEqual(['Excel avanzado'])
  })

  it('works through GraphQL with the same folding', async () => {
    const response = await aula.api.graphql(
      `query ($q: String) { Webinars(where: { searchText: { like: $q } }, sort: "title") { docs { title } } }`,
      { q: 'Programación' },
    )
    expect(response.body.data.Webinars.docs.map((doc: any) => doc.title)).toEqual(['Introducción a la Programación', 'Marketing digital'])
  })

  it('follows edits: a changed summary is searchable at once', async () => {
    const webinar = await createWebinar(aula.payload, { title: 'Oratoria', summary: 'Hablar en público' })
    await aula.api.patch(`/webinars/${webinar.id}`, { summary: 'Técnicas de negociación' }, { token: editor.token })
    expect(await search('negociacion')).toEqual(['Oratoria'])
  })
})

describe('history and trash', () => {
  it('keeps a version per save that staff can read, with who made the change, and can restore', async () => {
    const created = await aula.api.post('/webinars', webinarData({ title: 'Versión uno' }), { token: editor.token })
    const id = created.body.doc.id
    await aula.api.patch(`/webinars/${id}`, { title: 'Versión dos' }, { token: editor.token })
    const versions = await aula.api.get(`/webinars/versions?where[parent][equals]=${id}&sort=createdAt&depth=0`, { token: editor.token })
    expect(versions.status).toBe(200)
    expect(versions.body.docs.map((doc: any) => doc.version.title)).toEqual(['Versión uno', 'Versión dos'])
    expect(versions.body.docs[1].version.lastEditedBy).toBe(editor.id)

    const anonymous = await aula.api.get(`/webinars/versions?where[parent][equals]=${id}`)
    expect(anonymous.status).toBe(403)

    const restored = await aula.api.post(`/webinars/versions/${versions.body.docs[0].id}`, undefined, { token: editor.token })
    expect(restored.status).toBe(200)
    expect((await aula.api.get(`/webinars/${id}`)).body.title).toBe('Versión uno')
  })

  it('moves deleted webinars, courses and speakers to the trash, from where they can be restored', async () => {
    const webinar = await createWebinar(aula.payload, { title: 'A la papelera' })
    const course = await createCourse(aula.payload)
    const speaker = await aula.payload.create({ collection: 'speakers', data: { name: 'Temporal' }, overrideAccess: true })

    for (const [collection, id] of [['webinars', webinar.id], ['courses', course.id], ['speakers', speaker.id]] as const) {
      const trashed = await aula.api.patch(`/${collection}/${id}`, { deletedAt: new Date().toISOString() }, { token: editor.token })
      expect(trashed.status).toBe(200)
      expect((await aula.api.get(`/${collection}/${id}`)).status).toBe(404)
      const inTrash = await aula.api.get(`/${collection}?trash=true&where[deletedAt][exists]=true`, { token: editor.token })
      expect(inTrash.body.docs.map((doc: any) => doc.id)).toContain(id)

      const back = await aula.api.patch(`/${collection}/${id}?trash=true`, { deletedAt: null }, { token: editor.token })
      expect(back.status).toBe(200)
      expect((await aula.api.get(`/${collection}/${id}`)).status).toBe(200)
    }
  })
})
