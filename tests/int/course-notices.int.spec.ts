import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import type { ParsedMail } from 'mailparser'
import { createLocalReq, type Payload } from 'payload'

import { sendScheduleNotices } from '../../src/courses/notify/scheduleNotice'
import { SCHEDULED_STATUS_MOVE } from '../../src/courses/status/context'
import { seedEmailTemplates } from '../../src/seed/emailTemplates'
import { startTestAula, type TestAula } from '../helpers/aula'
import { courseData } from '../helpers/catalog'
import { drainQueue, pendingJobFor } from '../helpers/email'
import { ManualClock } from '../helpers/manualClock'
import { SmtpSink } from '../helpers/smtpSink'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const START = '2030-05-10T12:00:00.000Z'
const smtp = new SmtpSink()
const clock = new ManualClock(START)
let aula: TestAula
let editorToken: string

beforeAll(async () => {
  await smtp.start()
  aula = await startTestAula({ clock, smtpTransport: smtp.transport })
  await seedEmailTemplates(aula.payload)
  editorToken = (await aula.createUser(['editor'])).token
})

// Each test moves the app clock; the next starts from the same day.
afterEach(() => clock.set(START))

afterAll(async () => {
  await aula.close()
  await smtp.stop()
})

// ---------------------------------------------------------------- helpers

/**
 * What a worker would do over the next while, now: every pending job runs (Payload's `waitUntil`
 * is real time; the app clock decides what is due). A few rounds, so jobs queued by jobs run too.
 */
async function runAllJobs(payload: Payload, rounds = 5) {
  for (let round = 0; round < rounds; round += 1) {
    await drainQueue(payload)
    // A job's waitUntil is the app-clock time it is due (an email's scheduledFor, a schedule check's dueAt).
    const due = { or: [{ waitUntil: { exists: false } }, { waitUntil: { less_than_equal: clock.now().toISOString() } }] }
    const { docs } = await payload.find({ collection: 'payload-jobs', where: { and: [{ completedAt: { exists: false } }, due] }, pagination: false, overrideAccess: true, depth: 0 })
    if (!docs.length) return
    for (const job of docs) await payload.jobs.runByID({ id: job.id, silent: true })
  }
}

/** The planner job (every 15 minutes in production) queues the reminders of sessions that came within 48 hours. */
async function planUpcoming(payload: Payload) {
  await payload.jobs.queue({ task: 'planCourseSessionReminders' as never, input: {} as never })
  await runAllJobs(payload)
}

const at = (iso: string, offsetMs: number) => new Date(new Date(iso).getTime() + offsetMs)
const mailTo = (email: string) => smtp.to(email)
const subjects = (email: string) => mailTo(email).map((mail) => mail.subject)
const calendars = (mail: ParsedMail) => mail.attachments.filter((attachment) => attachment.contentType.startsWith('text/calendar')).map((attachment) => attachment.content.toString())
const logRows = (email: string) =>
  aula.payload.find({ collection: 'email-log', where: { to: { equals: email.toLowerCase() } }, sort: 'createdAt', pagination: false, overrideAccess: true, depth: 0 }).then((result) => result.docs)

/** An .ics read back: its METHOD, VTIMEZONE observances and VEVENTs as property maps (continuation lines unfolded). */
function parseIcs(text: string) {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean)
  const blocks = (name: string) => {
    const found: Map<string, string>[] = []
    let current: Map<string, string> | null = null
    for (const line of lines) {
      if (line === `BEGIN:${name}`) current = new Map()
      else if (line === `END:${name}` && current) (found.push(current), (current = null))
      else if (current) {
        const colon = line.indexOf(':')
        current.set(line.slice(0, colon), line.slice(colon + 1))
      }
    }
    return found
  }
  const method = lines.find((line) => line.startsWith('METHOD:'))?.slice(7)
  const timezones = lines.filter((line) => line.startsWith('TZID:')).map((line) => line.slice(5))
  const observances = [...blocks('STANDARD'), ...blocks('DAYLIGHT')]
  return { method, timezones, observances, events: blocks('VEVENT') }
}

const stampMs = (stamp: string) => {
  const [, y, mo, d, h, mi, s] = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})/.exec(stamp) as RegExpExecArray
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s))
}
const offsetMs = (text: string) => (text.startsWith('-') ? -1 : 1) * (Number(text.slice(1, 3)) * HOUR + Number(text.slice(3, 5)) * MINUTE)

/** The instant a `DTSTART;TZID=…:local` means, resolved through the file's own VTIMEZONE (as a strict client does). */
function instantOf(ics: ReturnType<typeof parseIcs>, event: Map<string, string>, property = 'DTSTART'): Date {
  const key = [...event.keys()].find((name) => name.startsWith(`${property};TZID=`)) as string
  const local = stampMs(event.get(key) as string)
  const rules = ics.observances
    .map((rule) => ({ onset: stampMs(rule.get('DTSTART') as string) - offsetMs(rule.get('TZOFFSETFROM') as string), to: offsetMs(rule.get('TZOFFSETTO') as string) }))
    .sort((a, b) => a.onset - b.onset)
  const rule = [...rules].reverse().find((candidate) => candidate.onset <= local - candidate.to) ?? rules[0]
  return new Date(local - rule.to)
}

let counter = 0
const uniqueEmail = () => `alumna${(counter += 1)}-${Date.now()}@example.com`

type SessionInput = { name: string; date: string; durationHours?: number; modality?: string; location?: string; meetingLink?: string }

async function createCourse(title: string, timezone: string, sessions: SessionInput[], overrides: Record<string, unknown> = {}) {
  const data = courseData({ title, timezone, regularPrice: 0, modules: [{ title: 'Módulo 1', sessions }], ...overrides })
  delete (data as Record<string, unknown>).startDate
  delete (data as Record<string, unknown>).endDate
  return aula.payload.create({ collection: 'courses', data: data as never, overrideAccess: true, depth: 0 })
}

const sessionsOfCourse = async (courseId: number) => {
  const course = await aula.payload.findByID({ collection: 'courses', id: courseId, depth: 0, overrideAccess: true })
  return (course.modules ?? []).flatMap((module) => module.sessions ?? [])
}

/** Staff edit the sessions through the REST API, as the admin does. */
async function editSessions(courseId: number, change: (sessions: Record<string, unknown>[]) => Record<string, unknown>[]) {
  const course = await aula.payload.findByID({ collection: 'courses', id: courseId, depth: 0, overrideAccess: true })
  const modules = (course.modules ?? []).map((module, index) => (index === 0 ? { ...module, sessions: change([...(module.sessions ?? [])] as Record<string, unknown>[]) } : module))
  const response = await aula.api.patch(`/courses/${courseId}`, { modules }, { token: editorToken })
  expect(response.status).toBe(200)
}

async function register(courseId: number, overrides: Record<string, unknown> = {}) {
  const body = { email: uniqueEmail(), firstName: 'Rosa', lastName: 'Quispe', ...overrides }
  const response = await aula.api.post(`/courses/${courseId}/enroll`, body)
  return enrolled(response, body.email)
}

/** Someone who prefers English enrolls while logged in (their account carries the language). */
async function registerInEnglish(courseId: number) {
  const student = await aula.createUser(['student'], { language: 'en', firstName: 'John' })
  return enrolled(await aula.api.post(`/courses/${courseId}/enroll`, undefined, { token: student.token }), student.email)
}

function enrolled(response: { status: number; body: any }, email: string) {
  expect([response.status, response.body?.errors]).toEqual([201, undefined])
  return { id: response.body.doc.id as number, email, status: response.body.doc.status as string }
}

/** Three online sessions within 48 hours of START: their reminders are planned at confirmation. */
const NEAR_SESSIONS: SessionInput[] = [
  { name: 'Fórmulas', date: '2030-05-11T18:00:00.000Z', modality: 'online', meetingLink: 'https://zoom.us/j/201' },
  { name: 'Tablas dinámicas', date: '2030-05-12T00:00:00.000Z', modality: 'online', meetingLink: 'https://zoom.us/j/202' },
  { name: 'Gráficos', date: '2030-05-12T06:00:00.000Z', modality: 'online', meetingLink: 'https://zoom.us/j/203' },
]

const LIMA_SESSIONS: SessionInput[] = [
  { name: 'Fórmulas', date: '2030-05-20T23:00:00.000Z', modality: 'online', meetingLink: 'https://zoom.us/j/101' },
  { name: 'Tablas dinámicas', date: '2030-05-22T23:00:00.000Z', modality: 'online', meetingLink: 'https://zoom.us/j/102' },
  { name: 'Gráficos', date: '2030-05-24T23:00:00.000Z', modality: 'online', meetingLink: 'https://zoom.us/j/103' },
]

// ---------------------------------------------------------------- tests

describe('one calendar file per course enrollment', () => {
  it('the confirmation of a course in Lima carries one .ics with a VEVENT per session, its VTIMEZONE and the link', async () => {
    const course = await createCourse('Excel en Lima', 'America/Lima', LIMA_SESSIONS)
    const { id, email } = await register(course.id)
    await runAllJobs(aula.payload)
    const [confirmation] = mailTo(email)
    expect(confirmation.subject).toBe('¡Listo, Rosa! Tu lugar en Excel en Lima está confirmado')
    const files = calendars(confirmation)
    expect(files).toHaveLength(1)
    const ics = parseIcs(files[0])
    expect(ics.method).toBe('REQUEST')
    expect(ics.timezones).toEqual(['America/Lima'])
    expect(ics.events).toHaveLength(3)
    const sessions = await sessionsOfCourse(course.id)
    ics.events.forEach((event, index) => {
      const session = sessions[index]
      expect(event.get('UID')).toBe(`enrollment-${id}-session-${session.id}@aula`)
      expect(event.get('SEQUENCE')).toBe('0')
      expect(instantOf(ics, event).toISOString()).toBe(session.date)
      expect(event.get('LOCATION')).toBe(session.meetingLink)
      expect(event.get('URL;VALUE=URI') ?? event.get('URL')).toBe(session.meetingLink)
    })
    // 23:00 UTC is 18:00 in Lima (UTC-5, no summer time); two hours long.
    expect(ics.events[0].get('DTSTART;TZID=America/Lima')).toBe('20300520T180000')
    expect(ics.events[0].get('DTEND;TZID=America/Lima')).toBe('20300520T200000')
    expect(ics.events[1].get('SUMMARY')).toBe('Excel en Lima · Sesión 2: Tablas dinámicas')
  })

  it('a course in Madrid gets Madrid’s summer and winter offsets from its VTIMEZONE, and the room as LOCATION', async () => {
    const course = await createCourse('Liderazgo en Madrid', 'Europe/Madrid', [
      { name: 'Verano', date: '2030-06-03T16:00:00.000Z', modality: 'presential', location: 'Calle Mayor 1, sala 2' },
      { name: 'Invierno', date: '2030-11-04T17:00:00.000Z', modality: 'presential', location: 'Calle Mayor 1, sala 3' },
    ], { modality: 'presential' })
    const { email } = await registerInEnglish(course.id)
    await runAllJobs(aula.payload)
    const ics = parseIcs(calendars(mailTo(email)[0])[0])
    expect(ics.timezones).toEqual(['Europe/Madrid'])
    expect(ics.events[0].get('SUMMARY')).toBe('Liderazgo en Madrid · Session 1: Verano')
    // 18:00 on the wall both times: UTC+2 in June, UTC+1 in November.
    expect(ics.events.map((event) => event.get('DTSTART;TZID=Europe/Madrid'))).toEqual(['20300603T180000', '20301104T180000'])
    expect(ics.events.map((event) => instantOf(ics, event).toISOString())).toEqual(['2030-06-03T16:00:00.000Z', '2030-11-04T17:00:00.000Z'])
    expect(ics.events.map((event) => event.get('LOCATION'))).toEqual(['Calle Mayor 1\\, sala 2', 'Calle Mayor 1\\, sala 3'])
    expect(ics.events.every((event) => !event.has('URL') && !event.has('URL;VALUE=URI'))).toBe(true)
  })

  it('a cancelled course enrollment sends METHOD:CANCEL for every session and drops its pending reminders', async () => {
    const course = await createCourse('Curso que dejo', 'America/Lima', LIMA_SESSIONS)
    const { id, email } = await register(course.id)
    await runAllJobs(aula.payload)
    clock.set(at(LIMA_SESSIONS[0].date, -30 * HOUR))
    await planUpcoming(aula.payload)
    expect((await logRows(email)).filter((row) => row.status === 'queued')).toHaveLength(3)
    const admin = await aula.createUser(['admin'])
    expect((await aula.api.post(`/enrollments/${id}/cancel`, { reason: 'Viaje' }, { token: admin.token })).status).toBeLessThan(300)
    await runAllJobs(aula.payload)
    const cancellation = mailTo(email).find((mail) => mail.subject === 'Tu inscripción en Curso que dejo fue cancelada') as ParsedMail
    const ics = parseIcs(calendars(cancellation)[0])
    expect(ics.method).toBe('CANCEL')
    const sessions = await sessionsOfCourse(course.id)
    expect(ics.events.map((event) => event.get('UID'))).toEqual(sessions.map((session) => `enrollment-${id}-session-${session.id}@aula`))
    expect(ics.events.every((event) => event.get('STATUS') === 'CANCELLED')).toBe(true)
    const pending = (await logRows(email)).filter((row) => row.status === 'queued')
    expect(pending).toEqual([])
  })
})

describe('reminders before each session', () => {
  it('each session gets its 24 h and 1 h reminders and the link 15 minutes before, in the course’s zone', async () => {
    const course = await createCourse('Excel con recordatorios', 'America/Lima', LIMA_SESSIONS)
    const { id, email } = await register(course.id)
    await runAllJobs(aula.payload)
    // Ten days ahead: nothing is queued yet; the planner queues each session's reminders 48 hours before it.
    expect((await logRows(email)).filter((row) => String(row.templateKey).startsWith('course_session_'))).toEqual([])
    const first = LIMA_SESSIONS[0].date
    clock.set(at(first, -47 * HOUR))
    await planUpcoming(aula.payload)
    await planUpcoming(aula.payload)
    const planned = (await logRows(email)).filter((row) => String(row.templateKey).startsWith('course_session_'))
    const sessions = await sessionsOfCourse(course.id)
    expect(planned.map((row) => row.dedupeKey).sort()).toEqual(
      ['course_session_access_15m', 'course_session_reminder_1h', 'course_session_reminder_24h'].map((key) => `${key}:${id}:${sessions[0].id}:${sessions[0].date}`),
    )

    clock.set(at(first, -24 * HOUR + 1000))
    await runAllJobs(aula.payload)
    expect(subjects(email).slice(1)).toEqual(['Mañana: sesión 1 de Excel con recordatorios'])
    expect(mailTo(email)[1].html).toContain('20/05/2030 18:00 (hora de Lima)')

    clock.set(at(first, -HOUR + 1000))
    await runAllJobs(aula.payload)
    clock.set(at(first, -15 * MINUTE + 1000))
    await runAllJobs(aula.payload)
    expect(subjects(email).slice(2)).toEqual(['En una hora: sesión 1 de Excel con recordatorios', 'Tu enlace para la sesión 1 de Excel con recordatorios'])
    expect(mailTo(email)[3].html).toContain('https://zoom.us/j/101')
    // Nothing about the later sessions yet.
    expect(subjects(email)).toHaveLength(4)
  })

  it('an in-person session gets no access email; its reminders name the room', async () => {
    const course = await createCourse('Taller presencial', 'Europe/Madrid', [{ name: 'Práctica', date: '2030-06-03T16:00:00.000Z', modality: 'presential', location: 'Sala Goya' }], { modality: 'presential' })
    const { email } = await register(course.id)
    clock.set(at('2030-06-03T16:00:00.000Z', -40 * HOUR))
    await planUpcoming(aula.payload)
    const keys = (await logRows(email)).map((row) => row.templateKey).sort()
    expect(keys).toEqual(['course_session_reminder_1h', 'course_session_reminder_24h', 'enrollment_confirmed'])
    clock.set(at('2030-06-03T16:00:00.000Z', -HOUR + 1000))
    await runAllJobs(aula.payload)
    const reminder = mailTo(email).find((mail) => String(mail.subject).startsWith('En una hora')) as ParsedMail
    expect(reminder.html).toContain('Sala Goya')
    expect(reminder.html).toContain('03/06/2030 18:00 (hora de Madrid)')
  })

  it('a student promoted from the waitlist mid-course hears nothing about past sessions and gets the link at once for one about to start', async () => {
    const course = await createCourse('Curso empezado', 'America/Lima', LIMA_SESSIONS, { capacity: 1 })
    const first = await register(course.id)
    const late = await register(course.id)
    expect(late.status).toBe('waitlisted')
    // Between session 1 and session 2, ten minutes before session 2, the first student leaves and the seat passes on.
    clock.set(at(LIMA_SESSIONS[1].date, -10 * MINUTE))
    const admin = await aula.createUser(['admin'])
    expect((await aula.api.post(`/enrollments/${first.id}/cancel`, { reason: 'Cambio de trabajo' }, { token: admin.token })).status).toBeLessThan(300)
    expect((await aula.payload.findByID({ collection: 'enrollments', id: late.id, overrideAccess: true })).status).toBe('confirmed')
    const sessions = await sessionsOfCourse(course.id)
    const keys = (await logRows(late.email)).map((row) => String(row.dedupeKey)).filter((key) => key.startsWith('course_session_'))
    expect(keys.filter((key) => key.includes(`:${sessions[0].id}:`))).toEqual([])
    // Session 2: its 24 h and 1 h times have passed; the access email goes now.
    expect(keys.filter((key) => key.includes(`:${sessions[1].id}:`))).toEqual([`course_session_access_15m:${late.id}:${sessions[1].id}:${sessions[1].date}`])
    // Session 3 is more than 48 hours away: the planner queues its reminders later.
    expect(keys.filter((key) => key.includes(`:${sessions[2].id}:`))).toEqual([])
    await runAllJobs(aula.payload)
    expect(subjects(late.email)).toContain('Tu enlace para la sesión 2 de Curso empezado')
    clock.set(at(LIMA_SESSIONS[2].date, -47 * HOUR))
    await planUpcoming(aula.payload)
    expect((await logRows(late.email)).filter((row) => String(row.dedupeKey).includes(`:${sessions[2].id}:`))).toHaveLength(3)
    // The first student's pending reminders for sessions 2 and 3 were dropped with the cancellation.
    expect((await logRows(first.email)).filter((row) => row.status === 'queued')).toEqual([])
  })
})

describe('schedule changes', () => {
  it('several edits within a few minutes send each student one notice, with the updated calendar and reminders at the new times', async () => {
    const course = await createCourse('Excel que se mueve', 'America/Lima', NEAR_SESSIONS)
    const students = [await register(course.id), await registerInEnglish(course.id)]
    await runAllJobs(aula.payload)
    const before = await sessionsOfCourse(course.id)

    // Three saves: session 2 moves a day later, session 3 is removed, then a fourth session is added.
    await editSessions(course.id, (sessions) => sessions.map((session, index) => (index === 1 ? { ...session, date: '2030-05-12T03:00:00.000Z' } : session)))
    clock.advance(2 * MINUTE)
    await editSessions(course.id, (sessions) => sessions.slice(0, 2))
    clock.advance(2 * MINUTE)
    await editSessions(course.id, (sessions) => [...sessions, { name: 'Repaso', date: '2030-05-12T09:00:00.000Z', modality: 'online', meetingLink: 'https://zoom.us/j/204' }])
    // Within five minutes of the last save nothing has gone out.
    clock.advance(2 * MINUTE)
    await runAllJobs(aula.payload)
    expect(subjects(students[0].email)).toHaveLength(1)

    clock.advance(4 * MINUTE)
    await runAllJobs(aula.payload)
    const [es, en] = students
    const notices = mailTo(es.email).filter((mail) => mail.subject === 'Cambios en el horario de Excel que se mueve')
    expect(notices).toHaveLength(1)
    expect(mailTo(en.email).filter((mail) => mail.subject === 'Schedule changes for Excel que se mueve')).toHaveLength(1)
    const text = String(notices[0].html)
    expect(text).toContain('Sesión 2 «Tablas dinámicas» cambia de 11/05/2030 19:00 (hora de Lima) a 11/05/2030 22:00 (hora de Lima)')
    expect(text).toContain('Se cancela la sesión 3 «Gráficos» (12/05/2030 01:00 (hora de Lima))')
    expect(text).toContain('Nueva sesión 3 «Repaso»: 12/05/2030 04:00 (hora de Lima)')

    // The updated calendar: every current session, SEQUENCE raised; the removed one cancelled in a second file.
    const [update, cancellation] = calendars(notices[0]).map(parseIcs)
    const after = await sessionsOfCourse(course.id)
    expect(update.method).toBe('REQUEST')
    expect(update.events.map((event) => event.get('UID'))).toEqual(after.map((session) => `enrollment-${es.id}-session-${session.id}@aula`))
    expect(update.events.every((event) => event.get('SEQUENCE') === '1')).toBe(true)
    expect(instantOf(update, update.events[1]).toISOString()).toBe('2030-05-12T03:00:00.000Z')
    // Same UIDs as in the confirmation for the sessions that stayed: calendars update the entries in place.
    expect(update.events[0].get('UID')).toBe(`enrollment-${es.id}-session-${before[0].id}@aula`)
    expect(cancellation.method).toBe('CANCEL')
    expect(cancellation.events.map((event) => event.get('UID'))).toEqual([`enrollment-${es.id}-session-${before[2].id}@aula`])
    expect(cancellation.events[0].get('SEQUENCE')).toBe('1')

    // Reminders follow: the old times' are cancelled, the new times' and the new session's are queued.
    const rows = (await logRows(es.email)).filter((row) => String(row.templateKey).startsWith('course_session_'))
    const queued = rows.filter((row) => row.status === 'queued').map((row) => String(row.dedupeKey))
    expect(queued.filter((key) => key.includes(before[1].id as string)).every((key) => key.endsWith('2030-05-12T03:00:00.000Z'))).toBe(true)
    expect(queued.some((key) => key.includes(before[2].id as string))).toBe(false)
    expect(rows.filter((row) => row.status === 'cancelled').map((row) => String(row.dedupeKey)).sort()).toEqual(
      [before[1], before[2]].flatMap((session) => ['course_session_access_15m', 'course_session_reminder_1h', 'course_session_reminder_24h'].map((key) => `${key}:${es.id}:${session.id}:${session.date}`)).sort(),
    )
    expect(queued.filter((key) => key.includes(after[2].id as string))).toHaveLength(3)
    expect(queued).toHaveLength(9)
  })

  it('a change undone within the window sends nothing', async () => {
    const course = await createCourse('Excel indeciso', 'America/Lima', LIMA_SESSIONS)
    const { email } = await register(course.id)
    await runAllJobs(aula.payload)
    await editSessions(course.id, (sessions) => sessions.map((session, index) => (index === 0 ? { ...session, date: '2030-05-21T23:00:00.000Z' } : session)))
    clock.advance(MINUTE)
    await editSessions(course.id, (sessions) => sessions.map((session, index) => (index === 0 ? { ...session, date: LIMA_SESSIONS[0].date } : session)))
    clock.advance(10 * MINUTE)
    await runAllJobs(aula.payload)
    expect(subjects(email)).toEqual(['¡Listo, Rosa! Tu lugar en Excel indeciso está confirmado'])
    const course2 = await aula.payload.findByID({ collection: 'courses', id: course.id, overrideAccess: true })
    expect(course2.scheduleSequence).toBe(0)
  })

  it('a new link for a session is worth a notice; a rename alone is not', async () => {
    const course = await createCourse('Excel con enlace nuevo', 'America/Lima', LIMA_SESSIONS)
    const { email } = await register(course.id)
    await runAllJobs(aula.payload)
    await editSessions(course.id, (sessions) => sessions.map((session, index) => (index === 0 ? { ...session, name: 'Fórmulas básicas' } : session)))
    clock.advance(10 * MINUTE)
    await runAllJobs(aula.payload)
    expect(subjects(email)).toHaveLength(1)
    await editSessions(course.id, (sessions) => sessions.map((session, index) => (index === 2 ? { ...session, meetingLink: 'https://meet.example.com/nuevo' } : session)))
    clock.advance(10 * MINUTE)
    await runAllJobs(aula.payload)
    const notice = mailTo(email).find((mail) => mail.subject === 'Cambios en el horario de Excel con enlace nuevo') as ParsedMail
    expect(notice.html).toContain('nuevo enlace: https://meet.example.com/nuevo')
  })

  it('a reminder planned for the old time is not sent even if it was queued before the move', async () => {
    const course = await createCourse('Excel movido tarde', 'America/Lima', NEAR_SESSIONS)
    const { email } = await register(course.id)
    await runAllJobs(aula.payload)
    // Session 1 moves two hours later; the worker reaches the old 24 h time before the notice job has run.
    await editSessions(course.id, (sessions) => sessions.map((session, index) => (index === 0 ? { ...session, date: '2030-05-11T20:00:00.000Z' } : session)))
    const reminder = (await logRows(email)).find((row) => String(row.dedupeKey).startsWith('course_session_reminder_24h') && String(row.dedupeKey).endsWith(NEAR_SESSIONS[0].date))
    clock.set(at(NEAR_SESSIONS[0].date, -24 * HOUR + 1000))
    const [job] = await pendingJobFor(aula.payload, reminder?.id as number)
    await aula.payload.jobs.runByID({ id: job.id, silent: true })
    const row = await aula.payload.findByID({ collection: 'email-log', id: reminder?.id as number, overrideAccess: true })
    expect(row.status).toBe('cancelled')
    expect(row.lastError).toMatch(/rescheduled/)
  })

  it('the status job moving a course to "in progress" tells nobody anything', async () => {
    const course = await createCourse('Excel que empieza', 'America/Lima', LIMA_SESSIONS)
    const { email } = await register(course.id)
    await runAllJobs(aula.payload)
    clock.set(at(LIMA_SESSIONS[0].date, MINUTE))
    await aula.payload.update({ collection: 'courses', id: course.id, data: { status: 'in_progress' }, context: { [SCHEDULED_STATUS_MOVE]: true }, overrideAccess: true, depth: 0 })
    const checks = await aula.payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'checkCourseScheduleChange' } }, pagination: false, overrideAccess: true, depth: 0 })
    expect(checks.docs.filter((job) => (job.input as { courseId?: number }).courseId === course.id)).toEqual([])
    clock.advance(10 * MINUTE)
    await runAllJobs(aula.payload)
    expect(subjects(email).filter((subject) => String(subject).startsWith('Cambios en el horario'))).toEqual([])
  })

  it('the notice job goes through the students in batches and, run again, sends nobody a second notice', async () => {
    const course = await createCourse('Excel en tandas', 'America/Lima', LIMA_SESSIONS)
    const students = [await register(course.id), await register(course.id), await register(course.id)]
    await runAllJobs(aula.payload)
    await editSessions(course.id, (sessions) => sessions.map((session, index) => (index === 2 ? { ...session, date: '2030-05-24T13:00:00.000Z' } : session)))
    clock.advance(6 * MINUTE)
    await runAllJobs(aula.payload)
    const [job] = (
      await aula.payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'sendCourseScheduleNotices' } }, sort: '-createdAt', pagination: false, overrideAccess: true, depth: 0 })
    ).docs.filter((candidate) => (candidate.input as { courseId?: number }).courseId === course.id)
    // A retry of the same job, one student per transaction: every email's dedupe key holds.
    const again = await sendScheduleNotices(await createLocalReq({}, aula.payload), job.input as never, 1)
    expect(again.queued).toBe(0)
    await runAllJobs(aula.payload)
    for (const { email } of students) expect(subjects(email).filter((subject) => subject === 'Cambios en el horario de Excel en tandas')).toHaveLength(1)
  })
})
