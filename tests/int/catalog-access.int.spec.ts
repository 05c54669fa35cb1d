import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar, courseData, createCourse, webinarData } from '../helpers/catalog'

let aula: TestAula
let editor: { token: string }
let sales: { token: string }
let student: { token: string }

beforeAll(async () => {
  aula = await startTestAula()
  editor = await aula.createUser(['editor'])
  sales = await aula.createUser(['sales'])
  student = await aula.createUser(['student'])
  await createWebinar(aula.payload, { title: 'Publicado', status: 'published', extraNotes: 'secreto' })
  await createWebinar(aula.payload, { title: 'Borrador', status: 'draft' })
  await createWebinar(aula.payload, { title: 'Terminado', status: 'completed' })
  await createWebinar(aula.payload, { title: 'Cancelado', status: 'cancelled' })
  await createCourse(aula.payload, { title: 'Curso publicado', status: 'published' })
  await createCourse(aula.payload, { title: 'Curso borrador', status: 'draft' })
  await aula.payload.create({
    collection: 'speakers',
    overrideAccess: true,
    data: { name: 'Ana Pérez', email: 'ana@example.com', phone: '+51 999 111 222' },
  })
})

afterAll(async () => {
  await aula.close()
})

describe('what anonymous visitors and students see', () => {
  it('lists only published, completed and cancelled webinars over REST, without internal notes', async () => {
    for (const token of [undefined, student.token]) {
      const response = await aula.api.get('/webinars?limit=50', { token })
      expect(response.status).toBe(200)
      const titles = response.body.docs.map((doc: any) => doc.title).sort()
      expect(titles).toEqual(['Cancelado', 'Publicado', 'Terminado'])
      for (const doc of response.body.docs) expect(doc).not.toHaveProperty('extraNotes')
    }
  })

  it('cannot open a draft webinar or course by id', async () => {
    const draft = await aula.payload.find({ collection: 'webinars', where: { title: { equals: 'Borrador' } }, overrideAccess: true })
    const response = await aula.api.get(`/webinars/${draft.docs[0]!.id}`)
    expect(response.status).toBe(404)
    const courses = await aula.api.get('/courses?limit=50')
    expect(courses.body.docs.map((doc: any) => doc.title)).toEqual(['Curso publicado'])
  })

  it('sees the same through GraphQL, where internal notes come back empty', async () => {
    const response = await aula.api.graphql(
      `{ Webinars(limit: 50) { docs { title extraNotes } } Courses(limit: 50) { docs { title } } }`,
    )
    expect(response.body.errors).toBeUndefined()
    const webinars = response.body.data.Webinars.docs
    expect(webinars.map((doc: any) => doc.title).sort()).toEqual(['Cancelado', 'Publicado', 'Terminado'])
    for (const doc of webinars) expect(doc.extraNotes).toBeNull()
    expect(response.body.data.Courses.docs.map((doc: any) => doc.title)).toEqual(['Curso publicado'])
  })

  it('reads speakers and categories but never a speaker email or phone', async () => {
    const rest = await aula.api.get('/speakers')
    expect(rest.status).toBe(200)
    expect(rest.body.docs[0].name).toBe('Ana Pérez')
    expect(rest.body.docs[0]).not.toHaveProperty('email')
    expect(rest.body.docs[0]).not.toHaveProperty('phone')
    const graphql = await aula.api.graphql(`{ Speakers { docs { name email phone } } Categories { docs { name } } }`)
    expect(graphql.body.errors).toBeUndefined()
    expect(graphql.body.data.Speakers.docs[0]).toEqual({ name: 'Ana Pérez', email: null, phone: null })
  })
})

describe('what staff can do', () => {
  it('lets sales read drafts and internal notes but not write anything', async () => {
    const list = await aula.api.get('/webinars?limit=50', { token: sales.token })
    expect(list.body.totalDocs).toBe(4)
    expect(list.body.docs.find((doc: any) => doc.title === 'Publicado').extraNotes).toBe('secreto')
    const speakers = await aula.api.get('/speakers', { token: sales.token })
    expect(speakers.body.docs[0].email).toBe('ana@example.com')

    expect((await aula.api.post('/webinars', webinarData(), { token: sales.token })).status).toBe(403)
    expect((await aula.api.post('/courses', courseData(), { token: sales.token })).status).toBe(403)
    expect((await aula.api.post('/speakers', { name: 'X' }, { token: sales.token })).status).toBe(403)
    const id = list.body.docs[0].id
    expect((await aula.api.patch(`/webinars/${id}`, { title: 'Cambio' }, { token: sales.token })).status).toBe(403)
    expect((await aula.api.delete(`/webinars/${id}`, { token: sales.token })).status).toBe(403)
  })

  it('lets students and anonymous visitors write nothing', async () => {
    expect((await aula.api.post('/webinars', webinarData(), { token: student.token })).status).toBe(403)
    expect((await aula.api.post('/categories', { name: 'Nueva' })).status).toBe(403)
  })

  it('lets an editor create, update and delete catalog content', async () => {
    const category = await aula.api.post('/categories', { name: 'Datos' }, { token: editor.token })
    expect(category.status).toBe(201)
    const created = await aula.api.post('/webinars', webinarData({ category: category.body.doc.id }), { token: editor.token })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    const updated = await aula.api.patch(`/webinars/${id}`, { title: 'Nuevo título' }, { token: editor.token })
    expect(updated.status).toBe(200)
    expect(updated.body.doc.title).toBe('Nuevo título')
    const course = await aula.api.post('/courses', courseData(), { token: editor.token })
    expect(course.status).toBe(201)
    expect((await aula.api.delete(`/webinars/${id}`, { token: editor.token })).status).toBe(200)
  })

  it('never lets anyone set seatsTaken through the API', async () => {
    const created = await aula.api.post('/webinars', webinarData({ capacity: 10, seatsTaken: 7 }), { token: editor.token })
    expect(created.status).toBe(201)
    expect(created.body.doc.seatsTaken).toBe(0)
    expect(created.body.doc.seatsLeft).toBe(10)
    const id = created.body.doc.id
    await aula.api.patch(`/webinars/${id}`, { seatsTaken: 9 }, { token: editor.token })
    const graphql = await aula.api.graphql(`mutation { updateWebinar(id: ${id}, data: { capacity: 12 }) { seatsTaken seatsLeft } }`, {}, editor.token)
    expect(graphql.body.data.updateWebinar).toEqual({ seatsTaken: 0, seatsLeft: 12 })
  })
})

describe('caching catalog reads in front of the app', () => {
  it.each(['/webinars?where[status][equals]=published&depth=1', '/courses', '/speakers', '/categories'])(
    'anonymous %s may be kept a few seconds by a shared cache; with a login it is private',
    async (path) => {
      const anonymous = await aula.api.get(path)
      expect(anonymous.status).toBe(200)
      expect(anonymous.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=5, stale-while-revalidate=30')
      expect(anonymous.headers.get('vary')).toMatch(/Authorization, Cookie/)
      const staff = await aula.api.get(path, { token: editor.token })
      expect(staff.headers.get('cache-control')).toBe('private, no-store')
    },
  )

  it('a document by id too, never a write nor another endpoint', async () => {
    const webinar = await createWebinar(aula.payload, { title: 'Con caché', status: 'published' })
    expect((await aula.api.get(`/webinars/${webinar.id}`)).headers.get('cache-control')).toMatch(/^public/)
    const register = await aula.api.post(`/webinars/${webinar.id}/register`, { email: 'cache@example.com', firstName: 'Ca', lastName: 'Ché' })
    expect(register.status).toBe(201)
    expect(register.headers.get('cache-control') ?? '').not.toMatch(/public/)
    const attendees = await aula.api.get(`/webinars/${webinar.id}/attendees`, { token: editor.token })
    expect(attendees.status).toBe(200)
    expect(attendees.headers.get('cache-control') ?? '').not.toMatch(/public/)
  })
})
