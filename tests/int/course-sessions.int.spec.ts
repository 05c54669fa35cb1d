import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'
import { courseData, createCourse, errorPaths } from '../helpers/catalog'
import { ManualClock } from '../helpers/manualClock'

let aula: TestAula
let editor: { token: string }
const clock = new ManualClock('2030-01-10T15:00:00.000Z')
const over = { overrideAccess: true, depth: 0 } as const

beforeAll(async () => {
  aula = await startTestAula({ clock })
  editor = await aula.createUser(['editor'])
})

afterAll(async () => {
  await aula.close()
})

const session = (date: string, extra: Record<string, unknown> = {}) => ({ date, name: `Sesión ${date.slice(5, 16)}`, durationHours: 2, ...extra })
const oneModule = (sessions: Record<string, unknown>[], extra: Record<string, unknown> = {}) => [{ title: 'Módulo', hours: undefined, ...extra, sessions }]
const countCourses = async () => (await aula.payload.count({ collection: 'courses', overrideAccess: true, trash: true })).totalDocs
const errorsOf = (body: any): { path: string; message: string }[] => (body?.errors ?? []).flatMap((error: any) => error.data?.errors ?? [])

/** Posts a course, expects a 400 naming exactly `paths`, and checks no course was written. */
async function expectRefused(body: Record<string, unknown>, paths: string[], headers?: Record<string, string>) {
  const before = await countCourses()
  const response = await aula.api.post('/courses', body, { token: editor.token, headers })
  expect(response.status).toBe(400)
  expect(errorPaths(response.body).sort()).toEqual([...paths].sort())
  expect(await countCourses()).toBe(before)
  return errorsOf(response.body)
}

describe('session rules name the field', () => {
  it('a session on a day before the course starts, in the course zone, is refused on modules.N.sessions.M.date', async () => {
    // 2030-03-02 03:00 UTC is still 1 March in Lima (22:00): before a course that starts on 2 March.
    const errors = await expectRefused(
      courseData({ modules: oneModule([session('2030-03-05T00:00:00.000Z'), session('2030-03-02T03:00:00.000Z')]) }),
      ['modules.0.sessions.1.date'],
    )
    expect(errors[0]!.message).toContain('anterior al inicio del curso (02/03/2030)')
  })

  it('the same instant is inside a Madrid course (already 2 March there)', async () => {
    const response = await aula.api.post('/courses', courseData({ timezone: 'Europe/Madrid', modules: oneModule([session('2030-03-02T03:00:00.000Z')]) }), { token: editor.token })
    expect(response.status).toBe(201)
  })

  it('a session after the course end date is refused, in English for an English admin', async () => {
    const errors = await expectRefused(
      courseData({ endDate: '2030-03-10T12:00:00.000Z', modules: oneModule([session('2030-03-05T00:00:00.000Z'), session('2030-03-12T00:00:00.000Z')]) }),
      ['modules.0.sessions.1.date'],
      { cookie: 'payload-lng=en' },
    )
    expect(errors[0]!.message).toBe('The session is after the course end date (10/03/2030). Change that date or empty it to follow the sessions.')
  })

  it('two sessions that overlap: the later one is refused, naming the other', async () => {
    const errors = await expectRefused(
      courseData({
        modules: [
          { title: 'Uno', sessions: [session('2030-03-05T23:00:00.000Z', { name: 'Bienvenida', durationHours: 2 })] },
          { title: 'Dos', sessions: [session('2030-03-06T00:30:00.000Z', { name: 'Práctica' })] },
        ],
      }),
      ['modules.1.sessions.0.date'],
    )
    expect(errors[0]!.message).toBe('Se cruza con la sesión «Bienvenida», 05/03/2030 18:00 (hora de Lima).')
  })

  it('back-to-back sessions do not overlap', async () => {
    const response = await aula.api.post(
      '/courses',
      courseData({ modules: oneModule([session('2030-03-05T23:00:00.000Z', { durationHours: 2 }), session('2030-03-06T01:00:00.000Z')]) }),
      { token: editor.token },
    )
    expect(response.status).toBe(201)
  })

  it('a new session in the past is refused; an untouched past session of a running course stays valid', async () => {
    await expectRefused(courseData({ startDate: null, endDate: null, modules: oneModule([session('2030-01-09T23:00:00.000Z')]) }), ['modules.0.sessions.0.date'])
    clock.set('2030-02-01T00:00:00.000Z')
    const course = await aula.api.post('/courses', courseData({ startDate: null, endDate: null, modules: oneModule([session('2030-02-03T23:00:00.000Z'), session('2030-02-10T23:00:00.000Z')]) }), {
      token: editor.token,
    })
    expect(course.status).toBe(201)
    clock.set('2030-02-05T00:00:00.000Z')
    const doc = course.body.doc
    const [past, future] = doc.modules[0].sessions
    const renamed = await aula.api.patch(`/courses/${doc.id}`, { title: `${doc.title} (2)`, modules: [{ ...doc.modules[0], sessions: [past, { ...future, name: 'Cierre' }] }] }, { token: editor.token })
    expect(renamed.status).toBe(200)
    const added = await aula.api.patch(`/courses/${doc.id}`, { modules: [{ ...doc.modules[0], sessions: [past, future, session('2030-02-04T23:00:00.000Z')] }] }, { token: editor.token })
    expect(added.status).toBe(400)
    expect(errorPaths(added.body)).toEqual(['modules.0.sessions.2.date'])
    const moved = await aula.api.patch(`/courses/${doc.id}`, { modules: [{ ...doc.modules[0], sessions: [past, { ...future, date: '2030-02-04T23:00:00.000Z' }] }] }, { token: editor.token })
    expect(moved.status).toBe(400)
    expect(errorsOf(moved.body)).toEqual([expect.objectContaining({ path: 'modules.0.sessions.1.date', message: 'No se puede mover una sesión a un momento pasado.' })])
    const stored = await aula.payload.findByID({ collection: 'courses', id: doc.id, ...over })
    expect(stored.modules![0]!.sessions!.map((row) => row.date)).toEqual([past.date, future.date])
    clock.set('2030-01-10T15:00:00.000Z')
  })

  it('server code may create past sessions with the pastSessionsAllowed context (the demo seed)', async () => {
    const course = await aula.payload.create({
      collection: 'courses',
      data: courseData({ startDate: null, endDate: null, modules: oneModule([session('2029-12-01T23:00:00.000Z')]) }) as never,
      context: { pastSessionsAllowed: true },
      ...over,
    })
    expect(course.startDate).toBe('2029-12-01T12:00:00.000Z')
  })

  it('an online session of a published course starting within 48 hours needs its link; a draft or an in-person one does not', async () => {
    const soon = '2030-01-12T01:00:00.000Z'
    const late = { startDate: null, endDate: null }
    const errors = await expectRefused(courseData({ ...late, modules: oneModule([session(soon)]) }), ['modules.0.sessions.0.meetingLink'])
    expect(errors[0]!.message).toContain('menos de 48 horas')
    await expectRefused(courseData({ ...late, modality: 'presential', modules: oneModule([session(soon, { modality: 'hybrid' })]) }), ['modules.0.sessions.0.meetingLink'])
    for (const body of [
      courseData({ ...late, status: 'draft', modules: oneModule([session(soon)]) }),
      courseData({ ...late, modality: 'presential', modules: oneModule([session(soon)]) }),
      courseData({ ...late, modules: oneModule([session(soon, { meetingLink: 'https://meet.example.com/abc' })]) }),
      courseData({ ...late, modules: oneModule([session('2030-01-13T16:00:00.000Z')]) }),
    ]) {
      expect((await aula.api.post('/courses', body, { token: editor.token })).status).toBe(201)
    }
  })
})

describe('bulk edits', () => {
  it('a bulk update checks each course against its own sessions: the one it would break is refused, the other saved', async () => {
    const breaks = await createCourse(aula.payload, { title: 'Bulk rompe', modules: oneModule([session('2030-03-05T20:00:00.000Z')]) })
    const fits = await createCourse(aula.payload, { title: 'Bulk cabe', modules: oneModule([session('2030-03-03T20:00:00.000Z')]) })
    const response = await aula.api.patch(`/courses?where[id][in]=${breaks.id},${fits.id}`, { endDate: '2030-03-04T12:00:00.000Z' }, { token: editor.token })
    // Payload's bulk answer names the document and the field by its label.
    expect(response.body.errors).toEqual([expect.objectContaining({ id: breaks.id, message: expect.stringContaining('Sesiones 1 > Inicio') })])
    const endOf = async (id: number) => (await aula.payload.findByID({ collection: 'courses', id, ...over })).endDate
    expect(await endOf(breaks.id)).toBe('2030-04-30T12:00:00.000Z')
    expect(await endOf(fits.id)).toBe('2030-03-04T12:00:00.000Z')
  })
})

describe('session times in the course zone', () => {
  it('"04/12/2030 19:00" in a Lima course and in a Madrid course are two different instants, each kept as typed', async () => {
    // What the admin picker stores for 19:00 typed in each course's zone (src/components/dates).
    const { instantOfWallTime } = await import('../../src/utilities/localTime')
    const wall = { year: 2030, month: 12, day: 4, hour: 19, minute: 0 }
    const lima = await createCourse(aula.payload, { timezone: 'America/Lima', startDate: null, endDate: null, modules: oneModule([session(instantOfWallTime(wall, 'America/Lima').toISOString())]) })
    const madrid = await createCourse(aula.payload, { timezone: 'Europe/Madrid', startDate: null, endDate: null, modules: oneModule([session(instantOfWallTime(wall, 'Europe/Madrid').toISOString())]) })
    expect(lima.modules![0]!.sessions![0]!.date).toBe('2030-12-05T00:00:00.000Z')
    expect(madrid.modules![0]!.sessions![0]!.date).toBe('2030-12-04T18:00:00.000Z')
    // Both on 4 December in their own zone, though the Lima one is the 5th in UTC.
    expect(lima.startDate).toBe('2030-12-04T12:00:00.000Z')
    expect(madrid.startDate).toBe('2030-12-04T12:00:00.000Z')
  })
})

describe('the admin types session times in the course zone', () => {
  it('the session date field takes its zone from the course form field `timezone`, and the zone is a searchable list', () => {
    const courses = aula.payload.config.collections.find((collection) => collection.slug === 'courses')!
    const find = (fields: any[], name: string): any =>
      fields.reduce((found, field) => found ?? (field.name === name ? field : find([...(field.fields ?? []), ...(field.tabs ?? []).flatMap((tab: any) => tab.fields)], name)), undefined)
    const date = find(find(find(courses.fields, 'modules').fields, 'sessions').fields, 'date')
    expect(date.admin.custom).toEqual({ timeZoneFrom: 'timezone' })
    expect(date.admin.components.Field).toBe('/src/components/dates/ZonedDateField#ZonedDateField')
    expect(find(courses.fields, 'timezone').admin.components.Field).toBe('/src/components/dates/TimeZoneSelectField#TimeZoneSelectField')
  })

  it('"04/12/2026 19:00" picked is stored as 19:00 in Lima for a Lima course and 19:00 in Madrid for a Madrid course', async () => {
    const { fromPickerValue, toPickerValue } = await import('../../src/components/dates/zonedPickerValue')
    // The picker hands back what was typed as the browser's local clock, whatever the browser's zone.
    const typed = new Date(2026, 11, 4, 19, 0)
    const lima = fromPickerValue(typed, 'America/Lima', 'dayAndTime')
    const madrid = fromPickerValue(typed, 'Europe/Madrid', 'dayAndTime')
    expect([lima, madrid]).toEqual(['2026-12-05T00:00:00.000Z', '2026-12-04T18:00:00.000Z'])
    expect(new Date(toPickerValue(madrid, 'Europe/Madrid', 'dayAndTime')!).getHours()).toBe(19)
    expect(new Date(toPickerValue(lima, 'America/Lima', 'dayAndTime')!).getHours()).toBe(19)
  })
})

describe('course facts follow the sessions when staff leave them empty', () => {
  it('start and end days, hours and number of sessions come from the dated sessions', async () => {
    const response = await aula.api.post(
      '/courses',
      courseData({
        startDate: null,
        endDate: null,
        durationHours: null,
        modules: [
          { title: 'Uno', sessions: [session('2030-03-10T23:30:00.000Z', { durationHours: 2 }), session('2030-03-12T23:30:00.000Z', { durationHours: 1.5 })] },
          { title: 'Dos', sessions: [session('2030-03-20T02:00:00.000Z', { durationHours: 3 }), { name: 'Sin fecha aún', durationHours: 2 }] },
        ],
      }),
      { token: editor.token },
    )
    expect(response.status).toBe(201)
    const doc = response.body.doc
    expect(doc.startDate).toBe('2030-03-10T12:00:00.000Z')
    // 02:00 UTC on the 20th is the 19th at 21:00 in Lima.
    expect(doc.endDate).toBe('2030-03-19T12:00:00.000Z')
    expect(doc.durationHours).toBe(8.5)
    expect(doc.totalSessions).toBe(3)

    // Once filled in, the value is kept like a typed one; emptied again, it follows the sessions again.
    const modules = [doc.modules[0], { ...doc.modules[1], sessions: [{ ...doc.modules[1].sessions[0], date: '2030-03-25T23:00:00.000Z' }] }]
    const beyond = await aula.api.patch(`/courses/${doc.id}`, { modules }, { token: editor.token })
    expect(beyond.status).toBe(400)
    expect(errorPaths(beyond.body)).toEqual(['modules.1.sessions.0.date'])
    const moved = await aula.api.patch(`/courses/${doc.id}`, { modules, endDate: null, durationHours: null }, { token: editor.token })
    expect(moved.status).toBe(200)
    expect(moved.body.doc).toMatchObject({ startDate: '2030-03-10T12:00:00.000Z', endDate: '2030-03-25T12:00:00.000Z', durationHours: 6.5, totalSessions: 3 })
  })

  it('a typed start date that happens to be the first session’s day is kept when the sessions move (the admin’s save of a course)', async () => {
    const course = await createCourse(aula.payload, {
      startDate: '2030-03-10T12:00:00.000Z',
      endDate: '2030-03-31T12:00:00.000Z',
      modules: oneModule([session('2030-03-10T23:30:00.000Z')], { startDate: '2030-03-10T12:00:00.000Z', endDate: '2030-03-31T12:00:00.000Z' }),
    })
    const row = course.modules![0]!
    const saved = await aula.api.patch(`/courses/${course.id}`, { modules: [{ ...row, startDate: '2030-03-11T12:00:00.000Z', sessions: [{ ...row.sessions![0], date: '2030-03-20T23:30:00.000Z' }] }] }, { token: editor.token })
    expect(saved.status).toBe(200)
    expect(saved.body.doc.startDate).toBe('2030-03-10T12:00:00.000Z')
  })

  it('dates and hours staff typed are kept', async () => {
    const response = await aula.api.post(
      '/courses',
      courseData({ startDate: '2030-03-01T12:00:00.000Z', endDate: '2030-04-30T12:00:00.000Z', durationHours: 40, modules: oneModule([session('2030-03-10T23:30:00.000Z')]) }),
      { token: editor.token },
    )
    expect(response.status).toBe(201)
    const doc = response.body.doc
    const patched = await aula.api.patch(`/courses/${doc.id}`, { modules: oneModule([...doc.modules[0].sessions, session('2030-03-17T23:30:00.000Z')]) }, { token: editor.token })
    expect(patched.status).toBe(200)
    expect(patched.body.doc).toMatchObject({ startDate: '2030-03-01T12:00:00.000Z', endDate: '2030-04-30T12:00:00.000Z', durationHours: 40, totalSessions: 2 })
  })

  it('a module with its own hours counts those, not its sessions’', async () => {
    const course = await createCourse(aula.payload, { startDate: null, endDate: null, durationHours: null, modules: oneModule([session('2030-03-10T23:30:00.000Z')], { hours: 12 }) })
    expect(course.durationHours).toBe(12)
  })
})

describe('the status job moves courses on schedule', () => {
  const runStatusJob = async () => {
    const job = await aula.payload.jobs.queue({ task: 'moveCourseStatuses', input: {} })
    await aula.payload.jobs.runByID({ id: job.id })
    const done = await aula.payload.findByID({ collection: 'payload-jobs', id: job.id, ...over })
    expect(done.hasError).toBeFalsy()
    return ((done.log as { output?: { moved: number } }[] | undefined)?.at(-1)?.output?.moved)
  }
  const statusOf = async (id: number) => (await aula.payload.findByID({ collection: 'courses', id, ...over })).status
  const scheduled = (overrides: Record<string, unknown> = {}) =>
    createCourse(aula.payload, {
      startDate: null,
      endDate: null,
      modules: oneModule([
        session('2030-06-01T23:00:00.000Z', { meetingLink: 'https://meet.example.com/1' }),
        session('2030-06-08T23:00:00.000Z', { meetingLink: 'https://meet.example.com/2', durationHours: 3 }),
      ]),
      ...overrides,
    })

  it('published → in_progress when the first session starts, → completed after the last one ends, by the injected clock; twice changes nothing', async () => {
    clock.set('2030-05-01T00:00:00.000Z')
    const course = await scheduled()
    const draft = await scheduled({ status: 'draft' })
    const cancelled = await scheduled({ status: 'cancelled' })
    const kept = await scheduled({ manualStatus: true })
    clock.set('2030-06-01T22:59:00.000Z')
    await runStatusJob()
    expect(await statusOf(course.id)).toBe('published')
    clock.set('2030-06-01T23:00:00.000Z')
    await runStatusJob()
    expect(await statusOf(course.id)).toBe('in_progress')
    const versions = (await aula.payload.countVersions({ collection: 'courses', where: { parent: { equals: course.id } }, overrideAccess: true })).totalDocs
    expect(await runStatusJob()).toBe(0)
    expect((await aula.payload.countVersions({ collection: 'courses', where: { parent: { equals: course.id } }, overrideAccess: true })).totalDocs).toBe(versions)
    // The last session ends at 02:00 UTC on the 9th (3 hours from 23:00).
    clock.set('2030-06-09T01:59:00.000Z')
    await runStatusJob()
    expect(await statusOf(course.id)).toBe('in_progress')
    clock.set('2030-06-09T02:00:00.000Z')
    await runStatusJob()
    expect(await statusOf(course.id)).toBe('completed')
    expect([await statusOf(draft.id), await statusOf(cancelled.id), await statusOf(kept.id)]).toEqual(['draft', 'cancelled', 'published'])
    clock.set('2030-01-10T15:00:00.000Z')
  })

  it('a published course whose whole schedule passed goes straight to completed; staff can still set the status by hand and keep it with manualStatus', async () => {
    clock.set('2030-05-01T00:00:00.000Z')
    const course = await scheduled()
    clock.set('2030-07-01T00:00:00.000Z')
    await runStatusJob()
    expect(await statusOf(course.id)).toBe('completed')
    const byHand = await aula.api.patch(`/courses/${course.id}`, { status: 'in_progress', manualStatus: true }, { token: editor.token })
    expect(byHand.status).toBe(200)
    await runStatusJob()
    expect(await statusOf(course.id)).toBe('in_progress')
    clock.set('2030-01-10T15:00:00.000Z')
  })

  it('the move is marked in req.context so other hooks can tell it from a staff edit', async () => {
    const { isScheduledStatusMove, SCHEDULED_STATUS_MOVE } = await import('../../src/courses/status/context')
    expect(isScheduledStatusMove({ [SCHEDULED_STATUS_MOVE]: true })).toBe(true)
    expect(isScheduledStatusMove({})).toBe(false)
  })
})

describe('the staff calendar reads sessions through sessionsOf', () => {
  it('each session sits on its local day and time in the course zone, with its place', async () => {
    const madrid = await createCourse(aula.payload, {
      title: 'Curso en Madrid para el calendario',
      timezone: 'Europe/Madrid',
      modality: 'presential',
      location: 'Calle Mayor 1',
      startDate: null,
      endDate: null,
      modules: oneModule([session('2030-04-01T23:30:00.000Z', { name: 'Noche' }), session('2030-04-03T08:00:00.000Z', { name: 'Mañana', location: 'Aula 3' })]),
    })
    const week = await aula.api.get('/calendar?view=week&date=2030-04-01', { token: editor.token })
    expect(week.status).toBe(200)
    const mine = week.body.entries.filter((entry: any) => entry.id === madrid.id)
    expect(mine).toEqual([
      expect.objectContaining({ kind: 'session', day: '2030-04-02', time: '01:30', timeZone: 'Europe/Madrid', detail: 'Noche', location: 'Calle Mayor 1' }),
      expect.objectContaining({ kind: 'session', day: '2030-04-03', time: '10:00', timeZone: 'Europe/Madrid', detail: 'Mañana', location: 'Aula 3', key: `courses-${madrid.id}-${madrid.modules![0]!.sessions![1]!.id}` }),
    ])
  })
})

describe('registration closes when the course begins, in its own zone', () => {
  const enroll = (courseId: number) =>
    aula.api.post(`/courses/${courseId}/enroll`, { email: `tarde-${courseId}-${Date.now()}@example.com`, firstName: 'Rosa', lastName: 'Tarde' })

  // The start day is stored as 12:00 UTC; read as the moment the course began, it closed a course whose
  // first class is at 19:00 in Lima from 07:00 Lima that day (seen in a browser spec run at 12:36 UTC).
  it('a course whose first class is this evening still takes students this morning, and none once it has begun', async () => {
    const evening = await createCourse(aula.payload, {
      title: 'Curso de la tarde',
      regularPrice: 0,
      timezone: 'America/Lima',
      startDate: null,
      endDate: null,
      modules: oneModule([session('2030-03-04T00:00:00.000Z')]), // 3 March, 19:00 in Lima
    })
    clock.set('2030-03-03T13:00:00.000Z') // 08:00 in Lima, the same day
    expect((await enroll(evening.id)).status).toBe(201)
    clock.set('2030-03-04T00:00:00.000Z')
    const late = await enroll(evening.id)
    expect([late.status, late.body.errors?.[0]?.message]).toEqual([409, 'This course has already started.'])
    clock.set('2030-01-10T15:00:00.000Z')
  })

  it('a start day set before the first class closes registration at that day’s first minute in the course zone', async () => {
    const early = await createCourse(aula.payload, {
      title: 'Curso con lectura previa',
      regularPrice: 0,
      timezone: 'America/Lima',
      startDate: '2030-03-02T12:00:00.000Z',
      endDate: null,
      modules: oneModule([session('2030-03-05T00:00:00.000Z')]),
    })
    clock.set('2030-03-02T04:59:00.000Z') // 1 March, 23:59 in Lima
    expect((await enroll(early.id)).status).toBe(201)
    clock.set('2030-03-02T05:00:00.000Z') // 2 March, 00:00 in Lima
    expect((await enroll(early.id)).status).toBe(409)
    clock.set('2030-01-10T15:00:00.000Z')
  })
})
