import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createLocalReq } from 'payload'

import { recordAttendance } from '../../src/attendance/record'
import { RECOMPUTE_COMPLETION_TASK } from '../../src/attendance/recomputeTask'
import { sessionsOf, type CourseSession } from '../../src/courses/sessions'
import { showRate } from '../../src/dashboard/queries/showRate'
import { runSql, sql } from '../../src/dashboard/sql'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createCourse, createWebinar, errorPaths } from '../helpers/catalog'
import { ManualClock } from '../helpers/manualClock'

const clock = new ManualClock('2030-01-10T12:00:00.000Z')
let aula: TestAula
type Login = Awaited<ReturnType<TestAula['createUser']>>
let admin: Login
let editor: Login
let instructor: Login
let otherInstructor: Login
let sessionInstructor: Login
let courseId: number
let webinarId: number
let sessions: CourseSession[]
const people: Record<'ana' | 'beto' | 'carla' | 'dani' | 'wen' | 'will', Login> = {} as never
const enrollmentOf: Record<string, number> = {}

const session = (n: number) => sessions[n - 1].id
const courseUrl = (n: number) => `/courses/${courseId}/sessions/${session(n)}/attendance`
const webinarUrl = () => `/webinars/${webinarId}/attendance`
const enrollment = (name: keyof typeof people) => aula.payload.findByID({ collection: 'enrollments', id: enrollmentOf[name], depth: 0, overrideAccess: true })
const rowsCount = async () => (await aula.payload.count({ collection: 'attendance', overrideAccess: true })).totalDocs
const rowOf = async (name: keyof typeof people, sessionId: string | null) =>
  (
    await aula.payload.find({
      collection: 'attendance',
      where: { and: [{ enrollment: { equals: enrollmentOf[name] } }, sessionId ? { sessionId: { equals: sessionId } } : { sessionId: { exists: false } }] },
      depth: 0,
      overrideAccess: true,
    })
  ).docs

const weekly = (day: number, extra: Record<string, unknown> = {}) => ({ date: `2030-03-${String(day).padStart(2, '0')}T14:00:00.000Z`, durationHours: 2, ...extra })

beforeAll(async () => {
  aula = await startTestAula({ clock })
  admin = await aula.createUser(['admin'])
  editor = await aula.createUser(['editor'])
  instructor = await aula.createUser(['instructor'])
  otherInstructor = await aula.createUser(['instructor'])
  sessionInstructor = await aula.createUser(['instructor'])
  const speaker = await aula.payload.create({ collection: 'speakers', data: { name: 'Carla Profesora', user: instructor.id } as never, overrideAccess: true })
  const otherSpeaker = await aula.payload.create({ collection: 'speakers', data: { name: 'Otro Profesor', user: otherInstructor.id } as never, overrideAccess: true })
  const guestSpeaker = await aula.payload.create({ collection: 'speakers', data: { name: 'Invitada', user: sessionInstructor.id } as never, overrideAccess: true })

  // Five weekly two-hour sessions: each one is 20% of the course.
  const course = await createCourse(aula.payload, {
    title: 'Excel avanzado',
    capacity: 3,
    regularPrice: 0,
    modality: 'presential',
    location: 'Aula 1, Miraflores',
    timezone: 'America/Lima',
    instructors: [speaker.id],
    startDate: '2030-03-01T12:00:00.000Z',
    endDate: '2030-04-30T12:00:00.000Z',
    modules: [
      { title: 'Fórmulas', sessions: [weekly(3), weekly(10), weekly(17)] },
      { title: 'Tablas dinámicas', sessions: [weekly(24), weekly(31, { instructor: guestSpeaker.id })] },
    ],
  })
  courseId = course.id
  await createCourse(aula.payload, { title: 'Otro curso', instructors: [otherSpeaker.id] })
  sessions = sessionsOf(await aula.payload.findByID({ collection: 'courses', id: courseId, depth: 0, overrideAccess: true }))
  expect(sessions).toHaveLength(5)
  webinarId = (await createWebinar(aula.payload, { title: 'Power BI en una hora', speakers: [otherSpeaker.id], startsAt: '2030-02-01T15:00:00.000Z' })).id

  for (const name of ['ana', 'beto', 'carla', 'dani'] as const) {
    people[name] = await aula.createUser(['student'], { firstName: name[0].toUpperCase() + name.slice(1), lastName: 'Prueba' })
    const response = await aula.api.post(`/courses/${courseId}/enroll`, undefined, { token: people[name].token })
    expect(response.status).toBe(201)
    enrollmentOf[name] = response.body.doc.id
  }
  for (const name of ['wen', 'will'] as const) {
    people[name] = await aula.createUser(['student'])
    const response = await aula.api.post(`/webinars/${webinarId}/register`, undefined, { token: people[name].token })
    expect(response.status).toBe(201)
    enrollmentOf[name] = response.body.doc.id
  }
  expect((await enrollment('dani')).status).toBe('waitlisted')
  // The course has run: every session is in the past.
  clock.set('2030-04-05T12:00:00.000Z')
})

afterAll(async () => {
  await aula.close()
})

describe('marking a course session over the API', () => {
  it('by enrollment ids: each person gets one row with who recorded it, when, and from where', async () => {
    const response = await aula.api.post(
      courseUrl(1),
      { marks: [{ enrollmentId: enrollmentOf.ana, present: true, minutesAttended: 115 }, { enrollmentId: enrollmentOf.beto, present: false }] },
      { token: instructor.token },
    )
    expect(response.status).toBe(200)
    expect(response.body).toEqual({ recorded: 2, unchanged: 0, unmatched: [] })
    const [row] = await rowOf('ana', session(1))
    expect(row).toMatchObject({ present: true, minutesAttended: 115, source: 'api', recordedBy: instructor.id, recordedAt: '2030-04-05T12:00:00.000Z' })
    expect(await enrollment('ana')).toMatchObject({ attended: true, completionPercentage: 20 })
    expect(await enrollment('beto')).toMatchObject({ attended: false, completionPercentage: 0 })
  })

  it('by emails, in any case: people who match no confirmed student come back as unmatched and nothing is written for them', async () => {
    const response = await aula.api.post(
      courseUrl(2),
      {
        marks: [
          { email: people.ana.email.toUpperCase(), present: true },
          { email: 'nadie@example.com', present: true },
          { email: people.dani.email, present: true },
        ],
      },
      { token: instructor.token },
    )
    expect(response.status).toBe(200)
    expect(response.body).toEqual({ recorded: 1, unchanged: 0, unmatched: [{ index: 1, email: 'nadie@example.com' }, { index: 2, email: people.dani.email }] })
    expect(await rowOf('dani', session(2))).toHaveLength(0)
    expect((await enrollment('ana')).completionPercentage).toBe(40)
  })

  it('"all present" marks every confirmed student, and posting it again changes nothing', async () => {
    const first = await aula.api.post(courseUrl(3), { allPresent: true, source: 'roster' }, { token: admin.token })
    expect(first.status).toBe(200)
    expect(first.body).toEqual({ recorded: 3, unchanged: 0, unmatched: [] })
    clock.advance(60_000)
    const again = await aula.api.post(courseUrl(3), { allPresent: true, source: 'roster' }, { token: admin.token })
    expect(again.body).toEqual({ recorded: 0, unchanged: 3, unmatched: [] })
    const [row] = await rowOf('carla', session(3))
    expect(row).toMatchObject({ present: true, source: 'roster', recordedAt: '2030-04-05T12:00:00.000Z' })
    expect(await rowOf('dani', session(3))).toHaveLength(0)
  })

  it('the roster lists the confirmed students with what is recorded for the session', async () => {
    const response = await aula.api.get(courseUrl(1), { token: instructor.token })
    expect(response.status).toBe(200)
    expect(response.body.session).toMatchObject({ id: session(1), number: 1 })
    const byName = Object.fromEntries(response.body.rows.map((row: any) => [row.name, row]))
    expect(Object.keys(byName).sort()).toEqual(['Ana Prueba', 'Beto Prueba', 'Carla Prueba'])
    expect(byName['Ana Prueba']).toMatchObject({ email: people.ana.email, present: true, minutesAttended: 115, source: 'api' })
    expect(byName['Beto Prueba']).toMatchObject({ present: false })
    expect(byName['Carla Prueba']).toMatchObject({ present: null, recordedAt: null })
  })
})

describe('completion follows attendance', () => {
  it('reaching 80% of the session hours completes the course; a correction below it clears the date', async () => {
    await aula.api.post(courseUrl(4), { marks: [{ enrollmentId: enrollmentOf.ana, present: true }] }, { token: instructor.token })
    expect(await enrollment('ana')).toMatchObject({ completionPercentage: 80, completedAt: '2030-04-05T12:01:00.000Z' })
    clock.advance(60_000)
    await aula.api.post(courseUrl(4), { marks: [{ enrollmentId: enrollmentOf.ana, present: false }] }, { token: instructor.token })
    expect(await enrollment('ana')).toMatchObject({ completionPercentage: 60, completedAt: null, attended: true })
  })

  it('a new threshold recomputes every enrollment', async () => {
    await aula.payload.update({ collection: 'courses', id: courseId, data: { completionThreshold: 60 }, overrideAccess: true })
    expect(await enrollment('ana')).toMatchObject({ completionPercentage: 60, completedAt: '2030-04-05T12:02:00.000Z' })
    await aula.payload.update({ collection: 'courses', id: courseId, data: { completionThreshold: 80 }, overrideAccess: true })
    expect((await enrollment('ana')).completedAt).toBeNull()
  })

  it('removing a session recomputes: it counts neither as attended nor in the total', async () => {
    const course = await aula.payload.findByID({ collection: 'courses', id: courseId, depth: 0, overrideAccess: true })
    const modules = course.modules!.map((module: any, index: number) => (index === 1 ? { ...module, sessions: module.sessions.filter((row: any) => row.id !== session(4)) } : module))
    await aula.payload.update({ collection: 'courses', id: courseId, data: { modules } as never, overrideAccess: true })
    // Ana: sessions 1–3 present of the four left.
    expect(await enrollment('ana')).toMatchObject({ completionPercentage: 75 })
    const removed = await aula.api.post(courseUrl(4), { marks: [{ enrollmentId: enrollmentOf.ana, present: true }] }, { token: admin.token })
    expect(removed.status).toBe(400)
    expect(errorPaths(removed.body)).toEqual(['sessionId'])
    sessions = sessionsOf(await aula.payload.findByID({ collection: 'courses', id: courseId, depth: 0, overrideAccess: true }))
  })

  it('the recompute job (big courses) puts a drifted completion right, from the rows', async () => {
    await runSql(aula.payload, sql`UPDATE enrollments SET completion_percentage = 1, attended = false WHERE id = ${enrollmentOf.ana}`)
    const job = await aula.payload.jobs.queue({ task: RECOMPUTE_COMPLETION_TASK as never, input: { collection: 'courses', itemId: courseId } as never })
    await aula.payload.jobs.runByID({ id: (job as { id: number }).id })
    expect(await enrollment('ana')).toMatchObject({ attended: true, completionPercentage: 75 })
  })

  it('a webinar: present is attended and completed; absent is neither', async () => {
    const response = await aula.api.post(
      webinarUrl(),
      { marks: [{ email: people.wen.email, present: true, minutesAttended: 55 }, { enrollmentId: enrollmentOf.will, present: false }] },
      { token: admin.token },
    )
    expect(response.body).toEqual({ recorded: 2, unchanged: 0, unmatched: [] })
    expect(await enrollment('wen')).toMatchObject({ attended: true, completionPercentage: 100, completedAt: clock.now().toISOString() })
    expect(await enrollment('will')).toMatchObject({ attended: false, completionPercentage: 0, completedAt: null })
    const [row] = await rowOf('wen', null)
    expect(row).toMatchObject({ present: true, minutesAttended: 55, sessionId: null })
  })

  it('the service is idempotent and concurrent marks of one person never make two rows', async () => {
    const req = await createLocalReq({ user: { ...(await aula.payload.findByID({ collection: 'users', id: admin.id, overrideAccess: true })), collection: 'users' } as never }, aula.payload)
    const input = { enrollmentId: enrollmentOf.carla, sessionId: session(1), present: true, source: 'api' as const }
    const results = await Promise.allSettled([1, 2, 3].map(async () => recordAttendance(await createLocalReq({ user: req.user! }, aula.payload), input)))
    expect(results.filter((result) => result.status === 'fulfilled').length).toBeGreaterThanOrEqual(1)
    expect(await rowOf('carla', session(1))).toHaveLength(1)
    expect(await recordAttendance(req, input)).toMatchObject({ result: 'unchanged' })
  })
})

describe('refused input writes nothing and names the field', () => {
  it.each([
    ['an unknown session', () => `/courses/${courseId}/sessions/no-such-session/attendance`, { marks: [{ enrollmentId: 1, present: true }] }, ['sessionId']],
    ['malformed ids and a non-boolean present', () => courseUrl(1), { marks: [{ enrollmentId: 'x', present: 'yes' }, { enrollmentId: -2, present: true }] }, ['marks.0.enrollmentId', 'marks.0.present', 'marks.1.enrollmentId']],
    ['negative minutes', () => courseUrl(1), { marks: [{ enrollmentId: 1, present: true, minutesAttended: -5 }] }, ['marks.0.minutesAttended']],
    ['more than 2000 marks', () => courseUrl(1), { marks: Array.from({ length: 2001 }, () => ({ email: 'a@b.co', present: true })) }, ['marks']],
    ['both an id and an email, or neither', () => courseUrl(1), { marks: [{ enrollmentId: 1, email: 'a@b.co', present: true }, { present: true }] }, ['marks.0.enrollmentId', 'marks.1.enrollmentId']],
    ['allPresent that is not true', () => courseUrl(1), { allPresent: 'yes' }, ['allPresent']],
    ['a source the endpoint does not take', () => courseUrl(1), { allPresent: true, source: 'check_in' }, ['source']],
  ])('%s', async (_label, url, body, paths) => {
    const before = await rowsCount()
    const response = await aula.api.post(url(), body, { token: admin.token })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body).sort()).toEqual([...paths].sort())
    expect(await rowsCount()).toBe(before)
  })

  it('someone else’s enrollment, a waitlisted one, or the same person twice: the whole list is refused', async () => {
    const before = await rowsCount()
    const response = await aula.api.post(
      courseUrl(4),
      {
        marks: [
          { enrollmentId: enrollmentOf.carla, present: true },
          { enrollmentId: enrollmentOf.wen, present: true },
          { enrollmentId: enrollmentOf.dani, present: true },
          { email: people.carla.email, present: false },
        ],
      },
      { token: admin.token },
    )
    expect(response.status).toBe(400)
    expect(errorPaths(response.body).sort()).toEqual(['marks.1.enrollmentId', 'marks.2.enrollmentId', 'marks.3'])
    expect(await rowsCount()).toBe(before)
  })

  it('the service refuses a course session on a webinar and a cancelled enrollment', async () => {
    const req = await createLocalReq({}, aula.payload)
    await expect(recordAttendance(req, { enrollmentId: enrollmentOf.wen, sessionId: session(1), present: true, source: 'api' }, { overrideAccess: true })).rejects.toMatchObject({ status: 400 })
    await expect(recordAttendance(req, { enrollmentId: enrollmentOf.dani, sessionId: session(1), present: true, source: 'api' }, { overrideAccess: true })).rejects.toMatchObject({ status: 400 })
    await expect(recordAttendance(req, { enrollmentId: enrollmentOf.ana, present: true, source: 'api' }, { overrideAccess: true })).rejects.toMatchObject({ status: 400 })
  })
})

describe('who may mark and read', () => {
  it('an instructor of another course can neither mark nor read this one', async () => {
    const before = await rowsCount()
    expect((await aula.api.post(courseUrl(4), { allPresent: true }, { token: otherInstructor.token })).status).toBe(403)
    expect((await aula.api.get(courseUrl(4), { token: otherInstructor.token })).status).toBe(403)
    const rest = await aula.api.get(`/attendance?where[and][0][item.relationTo][equals]=courses&where[and][1][item.value][equals]=${courseId}&limit=100`, { token: otherInstructor.token })
    expect(rest.status).toBe(200)
    expect(rest.body.docs).toEqual([])
    expect(await rowsCount()).toBe(before)
  })

  it('a session’s own instructor marks that session, not the others', async () => {
    expect((await aula.api.post(courseUrl(1), { allPresent: true }, { token: sessionInstructor.token })).status).toBe(403)
    const own = await aula.api.post(courseUrl(4), { marks: [{ enrollmentId: enrollmentOf.beto, present: true }] }, { token: sessionInstructor.token })
    expect(own.status).toBe(200)
    expect((await aula.api.get(courseUrl(1), { token: sessionInstructor.token })).status).toBe(200)
  })

  it('an editor reads the roster but does not mark; a student, an anonymous caller and an unknown course are turned away', async () => {
    expect((await aula.api.get(courseUrl(1), { token: editor.token })).status).toBe(200)
    expect((await aula.api.post(courseUrl(1), { allPresent: true }, { token: editor.token })).status).toBe(403)
    expect((await aula.api.post(courseUrl(1), { allPresent: true }, { token: people.ana.token })).status).toBe(403)
    expect((await aula.api.get(courseUrl(1), { token: people.ana.token })).status).toBe(403)
    expect((await aula.api.post(courseUrl(1), { allPresent: true })).status).toBe(401)
    expect((await aula.api.post(`/courses/99999/sessions/${session(1)}/attendance`, { allPresent: true }, { token: admin.token })).status).toBe(404)
  })

  it('a student reads only their own rows, and nobody but an admin writes rows through the collection', async () => {
    const mine = await aula.api.get('/attendance?limit=100', { token: people.ana.token })
    expect(mine.status).toBe(200)
    expect(mine.body.docs.length).toBeGreaterThan(0)
    expect(mine.body.docs.every((row: any) => (typeof row.enrollment === 'object' ? row.enrollment.id : row.enrollment) === enrollmentOf.ana)).toBe(true)
    const [row] = await rowOf('beto', session(1))
    expect((await aula.api.patch(`/attendance/${row.id}`, { present: true }, { token: instructor.token })).status).toBe(403)
    expect((await aula.api.patch(`/attendance/${row.id}`, { present: true }, { token: people.beto.token })).status).toBe(403)
    expect((await aula.api.post('/attendance', { enrollment: enrollmentOf.beto, sessionId: session(2), present: true }, { token: people.beto.token })).status).toBe(403)
    expect((await rowOf('beto', session(1)))[0].present).toBe(false)
  })

  it('an admin correcting a row through the collection keeps completion in step', async () => {
    const [row] = await rowOf('beto', session(1))
    const response = await aula.api.patch(`/attendance/${row.id}`, { present: true }, { token: admin.token })
    expect(response.status).toBe(200)
    // Beto: session 1 (corrected), 3 and the session instructor's 4th of the four sessions.
    expect(await enrollment('beto')).toMatchObject({ attended: true, completionPercentage: 75 })
  })
})

describe('the enrollment’s own "attended" goes through the records', () => {
  it('ticking a webinar enrollment attended records it present, with completion', async () => {
    const response = await aula.api.patch(`/enrollments/${enrollmentOf.will}`, { attended: true }, { token: admin.token })
    expect(response.status).toBe(200)
    expect(await enrollment('will')).toMatchObject({ attended: true, completionPercentage: 100 })
    expect((await rowOf('will', null))[0]).toMatchObject({ present: true, source: 'admin', recordedBy: admin.id })
  })

  it('the participants page check-off writes rows too', async () => {
    const response = await aula.api.post(`/webinars/${webinarId}/participants/attendance`, { enrollmentIds: [enrollmentOf.will], attended: false }, { token: admin.token })
    expect(response.status).toBe(200)
    expect((await rowOf('will', null))[0]).toMatchObject({ present: false })
    expect(await enrollment('will')).toMatchObject({ attended: false, completionPercentage: 0, completedAt: null })
  })
})

describe('the participants page check-off on a course', () => {
  it('unticking marks absent every session the person was present at; ticking marks every session that has started', async () => {
    const untick = await aula.api.post(`/courses/${courseId}/participants/attendance`, { enrollmentIds: [enrollmentOf.carla], attended: false }, { token: instructor.token })
    expect(untick.status).toBe(200)
    expect(await enrollment('carla')).toMatchObject({ attended: false, completionPercentage: 0 })
    const tick = await aula.api.post(`/courses/${courseId}/participants/attendance`, { enrollmentIds: [enrollmentOf.carla], attended: true }, { token: instructor.token })
    expect(tick.status).toBe(200)
    expect(await enrollment('carla')).toMatchObject({ attended: true, completionPercentage: 100, completedAt: clock.now().toISOString() })
    const rows = await aula.payload.find({ collection: 'attendance', where: { enrollment: { equals: enrollmentOf.carla } }, depth: 0, overrideAccess: true })
    expect(rows.docs.filter((row) => row.present).map((row) => row.sessionId).sort()).toEqual(sessions.map((one) => one.id).sort())
  })
})

describe('participant lists and the show rate read the records', () => {
  it('per item: sessions attended of the total and completion', async () => {
    const response = await aula.api.get(`/courses/${courseId}/participants?status=confirmed`, { token: admin.token })
    expect(response.status).toBe(200)
    const ana = response.body.docs.find((row: any) => row.email === people.ana.email)
    expect(ana).toMatchObject({ sessionsAttended: 3, sessionsTotal: 4, completionPercentage: 75 })
    const csv = await aula.api.get(`/courses/${courseId}/participants.csv?status=confirmed&locale=es`, { token: admin.token })
    const [header, ...lines] = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n')
    expect(header).toContain('Sesiones asistidas')
    expect(header).toContain('Avance (%)')
    expect(lines.find((line) => line.includes(people.ana.email))).toContain('3/4')
  })

  it('per session (?session=): present, absent, not recorded, and minutes, in JSON and CSV', async () => {
    const json = await aula.api.get(`/courses/${courseId}/participants?status=confirmed&session=${session(1)}`, { token: instructor.token })
    const byEmail = Object.fromEntries(json.body.docs.map((row: any) => [row.email, row.session]))
    expect(byEmail[people.ana.email]).toMatchObject({ present: true, minutesAttended: 115 })
    expect(byEmail[people.beto.email]).toMatchObject({ present: true })
    const csv = await aula.api.get(`/courses/${courseId}/participants.csv?status=confirmed&session=${session(2)}&locale=es`, { token: instructor.token })
    expect(csv.status).toBe(200)
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n')
    expect(lines[0]).toContain('Presente')
    expect(lines.find((line) => line.includes(people.ana.email))).toContain('Sí')
    const students = await aula.api.get(`/courses/${courseId}/students?session=${session(2)}&format=csv`, { token: instructor.token })
    expect(students.text.split('\n')[0]).toContain('present,minutesAttended')
    const bad = await aula.api.get(`/courses/${courseId}/participants?session=nope`, { token: admin.token })
    expect(bad.status).toBe(400)
    expect(errorPaths(bad.body)).toEqual(['session'])
  })

  it('show rate: webinar present over confirmed; course seats per past session', async () => {
    const everything = { now: clock.now(), items: null }
    const rate = await showRate(aula.payload, everything)
    // Webinar: Wen present, Will absent. Course: 3 students × 4 past sessions = 12 seats; present: Ana 3, Beto 3, Carla 4.
    expect(rate).toMatchObject({ pastWebinars: 1, confirmed: 2, attended: 1, rate: 0.5, pastSessions: 4, sessionSeats: 12, sessionsPresent: 10 })
    expect(rate.courseRate).toBeCloseTo(10 / 12)
  })
})
