import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'
import { courseData, createCourse, createWebinar, errorPaths } from '../helpers/catalog'
import { ManualClock } from '../helpers/manualClock'

let aula: TestAula
let editor: { id: number; token: string }
let sales: { token: string }
let student: { token: string }

const DAY_MS = 86_400_000

beforeAll(async () => {
  // "Today" is Tuesday 15 December 2030 in Lima.
  aula = await startTestAula({ clock: new ManualClock('2030-12-15T15:00:00.000Z') })
  editor = await aula.createUser(['editor'])
  sales = await aula.createUser(['sales'])
  student = await aula.createUser(['student'])
})

afterAll(async () => {
  await aula.close()
})

const calendar = async (query: string, token = editor.token) => aula.api.get(`/calendar${query}`, { token })
const entriesOf = (body: any, title: string) => (body.entries as any[]).filter((entry) => entry.title === title)

describe('the calendar', () => {
  let lateWebinar: { id: number; title: string }
  let madridWebinar: { title: string }
  let course: { id: number; title: string }

  beforeAll(async () => {
    // 23:30 in Lima on 31 December is 04:30 UTC on 1 January.
    lateWebinar = await createWebinar(aula.payload, { title: 'Cierre de año', startsAt: '2030-12-31T23:30:00-05:00', timezone: 'America/Lima', capacity: 40 })
    await aula.payload.update({ collection: 'webinars', id: lateWebinar.id, data: { seatsTaken: 12 } as never, overrideAccess: true })
    // 01:00 in Madrid on 1 January is 19:00 in Lima on 31 December.
    madridWebinar = await createWebinar(aula.payload, { title: 'Año nuevo en Madrid', startsAt: '2031-01-01T01:00:00+01:00', timezone: 'Europe/Madrid', status: 'draft' })
    course = await createCourse(aula.payload, {
      title: 'Curso de diciembre',
      startDate: '2030-12-01T12:00:00.000Z',
      endDate: '2031-01-31T12:00:00.000Z',
      capacity: 20,
      modules: [
        {
          title: 'Módulo final',
          startDate: '2030-12-29T12:00:00.000Z',
          endDate: '2031-01-10T12:00:00.000Z',
          // 19:00 in Lima on 31 December is midnight UTC on 1 January.
          sessions: [{ date: '2031-01-01T00:00:00.000Z', name: 'Repaso', durationHours: 2 }],
        },
      ],
    })
  })

  it('puts a webinar at 23:30 Lima on the 31st on the 31st, not on the next day (month view)', async () => {
    const response = await calendar('?view=month&date=2030-12-10')
    expect(response.status).toBe(200)
    const [entry] = entriesOf(response.body, lateWebinar.title)
    expect(entry).toMatchObject({ day: '2030-12-31', time: '23:30', timeZone: 'America/Lima', collection: 'webinars', id: lateWebinar.id, status: 'published', seatsTaken: 12, capacity: 40 })
    // The January page shows 31 December too (its first week starts on Monday 30 December): still the 31st.
    const january = await calendar('?view=month&date=2031-01-20')
    expect(entriesOf(january.body, lateWebinar.title).map((each) => each.day)).toEqual(['2030-12-31'])
  })

  it('reads a webinar in its own zone and a course session in the business zone', async () => {
    const { body } = await calendar('?view=week&date=2031-01-02')
    expect(body.days).toEqual(['2030-12-30', '2030-12-31', '2031-01-01', '2031-01-02', '2031-01-03', '2031-01-04', '2031-01-05'])
    expect(entriesOf(body, madridWebinar.title)).toEqual([expect.objectContaining({ day: '2031-01-01', time: '01:00', timeZone: 'Europe/Madrid', status: 'draft' })])
    expect(entriesOf(body, course.title)).toEqual([
      expect.objectContaining({ kind: 'session', day: '2030-12-31', time: '19:00', timeZone: 'America/Lima', detail: 'Repaso', collection: 'courses', id: course.id, capacity: 20 }),
    ])
  })

  it('leaves out what falls outside the page: the week after has none of them', async () => {
    const { body } = await calendar('?view=week&date=2031-01-06')
    expect(body.days[0]).toBe('2031-01-06')
    expect(entriesOf(body, lateWebinar.title)).toEqual([])
    expect(entriesOf(body, course.title)).toEqual([])
  })

  it('opens on the current month in the business zone, with the previous and next pages', async () => {
    const { body } = await calendar('')
    expect(body).toMatchObject({ view: 'month', today: '2030-12-15', periodStart: '2030-12-01', previous: '2030-11-01', next: '2031-01-01', timeZone: 'America/Lima' })
    expect(body.days[0]).toBe('2030-11-25')
    expect(body.days.length % 7).toBe(0)
    const week = await calendar('?view=week')
    expect(week.body.days[0]).toBe('2030-12-09')
  })

  it('does not show a trashed webinar', async () => {
    const trashed = await createWebinar(aula.payload, { title: 'Borrado', startsAt: '2030-12-20T15:00:00.000Z' })
    await aula.payload.update({ collection: 'webinars', id: trashed.id, data: { deletedAt: new Date().toISOString() } as never, overrideAccess: true })
    const { body } = await calendar('?view=month&date=2030-12-01')
    expect(entriesOf(body, 'Borrado')).toEqual([])
  })

  it('is for staff only: anonymous callers get 401 and students 403', async () => {
    expect((await aula.api.get('/calendar')).status).toBe(401)
    const asStudent = await calendar('', student.token)
    expect(asStudent.status).toBe(403)
    expect(JSON.stringify(asStudent.body)).not.toContain('Cierre de año')
    expect((await calendar('', sales.token)).status).toBe(200)
  })

  it('answers a bad view or date with a 400 naming the field', async () => {
    const badView = await calendar('?view=year')
    expect(badView.status).toBe(400)
    expect(errorPaths(badView.body)).toEqual(['view'])
    const badDate = await calendar('?date=2030-02-30')
    expect(badDate.status).toBe(400)
    expect(errorPaths(badDate.body)).toEqual(['date'])
  })
})

describe('duplicating a course as a new run', () => {
  const original = (title = 'Gestión de proyectos') =>
    createCourse(aula.payload, {
      title,
      courseCode: `GP-${Date.now().toString(36)}`,
      startDate: '2031-03-02T12:00:00.000Z',
      endDate: '2031-03-27T12:00:00.000Z',
      regularPrice: 500,
      earlyBirdPrice: 400,
      earlyBirdDeadline: '2031-02-20T04:59:00.000Z',
      capacity: 30,
      modules: [
        {
          title: 'Inicio',
          startDate: '2031-03-02T12:00:00.000Z',
          endDate: '2031-03-13T12:00:00.000Z',
          sessions: [
            { date: '2031-03-03T00:00:00.000Z', name: 'Introducción', durationHours: 2 },
            { date: '2031-03-10T00:00:00.000Z', name: 'Alcance', durationHours: 2 },
          ],
        },
        { title: 'Cierre', startDate: '2031-03-16T12:00:00.000Z', endDate: '2031-03-27T12:00:00.000Z', sessions: [{ date: '2031-03-24T00:00:00.000Z', name: 'Entrega' }] },
      ],
    })

  const read = (id: number) => aula.payload.findByID({ collection: 'courses', id, depth: 0, overrideAccess: true }) as Promise<any>
  const shifted = (value: string, days: number) => new Date(new Date(value).getTime() + days * DAY_MS).toISOString()

  it('moves every date by exactly N days, as a draft with no seats taken, and leaves the original untouched', async () => {
    const course = await original()
    await aula.payload.update({ collection: 'courses', id: course.id, data: { seatsTaken: 9 } as never, overrideAccess: true })
    const before = await read(course.id)

    const response = await aula.api.post(`/courses/${course.id}/duplicate`, { shiftDays: 7 }, { token: editor.token })
    expect(response.status).toBe(201)
    const copy = await read(response.body.doc.id)

    expect(copy.id).not.toBe(course.id)
    expect(copy).toMatchObject({ title: 'Gestión de proyectos (copia)', courseCode: `${before.courseCode}-2`, status: 'draft', seatsTaken: 0, regularPrice: 500, earlyBirdPrice: 400, capacity: 30, currency: before.currency })
    expect(copy.slug).not.toBe(before.slug)
    expect(copy.startDate).toBe(shifted(before.startDate, 7))
    expect(copy.endDate).toBe(shifted(before.endDate, 7))
    expect(copy.earlyBirdDeadline).toBe(shifted(before.earlyBirdDeadline, 7))
    expect(copy.modules).toHaveLength(2)
    copy.modules.forEach((module: any, index: number) => {
      const was = before.modules[index]
      expect(module.title).toBe(was.title)
      expect(module.id).not.toBe(was.id)
      expect(module.startDate).toBe(shifted(was.startDate, 7))
      expect(module.endDate).toBe(shifted(was.endDate, 7))
      expect(module.sessions.map((session: any) => [session.name, session.date])).toEqual(
        was.sessions.map((session: any) => [session.name, shifted(session.date, 7)]),
      )
    })
    expect(await read(course.id)).toEqual(before)
  })

  it('gives a second copy a title and code of its own, and shifts backwards too', async () => {
    const course = await original('Liderazgo')
    await aula.api.post(`/courses/${course.id}/duplicate`, { shiftDays: 0 }, { token: editor.token })
    const second = await aula.api.post(`/courses/${course.id}/duplicate`, { shiftDays: -14 }, { token: editor.token })
    expect(second.status).toBe(201)
    const copy = await read(second.body.doc.id)
    expect(copy.title).toBe('Liderazgo (copia 2)')
    expect(copy.courseCode).toBe(`${course.courseCode}-3`)
    expect(copy.startDate).toBe(shifted(course.startDate as string, -14))
  })

  it.each([
    ['a word', 'siete'],
    ['a fraction of a day', 1.5],
    ['more than ten years', 4000],
    ['a boolean', true],
  ])('refuses %s as shiftDays with a 400 naming shiftDays, and creates nothing', async (_label, shiftDays) => {
    const course = await original()
    const count = await aula.payload.count({ collection: 'courses' })
    const response = await aula.api.post(`/courses/${course.id}/duplicate`, { shiftDays }, { token: editor.token })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toEqual(['shiftDays'])
    expect(await aula.payload.count({ collection: 'courses' })).toEqual(count)
  })

  it('is for those who write the catalog: anonymous 401, sales 403', async () => {
    const course = await original()
    expect((await aula.api.post(`/courses/${course.id}/duplicate`, { shiftDays: 7 })).status).toBe(401)
    expect((await aula.api.post(`/courses/${course.id}/duplicate`, { shiftDays: 7 }, { token: sales.token })).status).toBe(403)
    expect((await aula.api.post('/courses/999999/duplicate', { shiftDays: 7 }, { token: editor.token })).status).toBe(404)
  })
})

describe('currency', () => {
  it("defaults a new course to the business's currency", async () => {
    // No sessions: the default ones (March 2030) are in the past by this file's clock, and a new session may not be.
    const { currency: _currency, ...withoutCurrency } = courseData({ modules: [] })
    const response = await aula.api.post('/courses', withoutCurrency, { token: editor.token })
    expect(response.status).toBe(201)
    expect(response.body.doc.currency).toBe('PEN')
    await aula.payload.updateGlobal({ slug: 'business-settings', data: { defaultCurrency: 'USD' } as never, overrideAccess: true })
    const next = await aula.api.post('/courses', courseData({ currency: undefined, modules: [] }), { token: editor.token })
    expect(next.body.doc.currency).toBe('USD')
    await aula.payload.updateGlobal({ slug: 'business-settings', data: { defaultCurrency: 'PEN' } as never, overrideAccess: true })
  })
})
