import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createLocalReq } from 'payload'

import { replanEnrollmentEmails } from '../../src/automation/rules/plan'
import { moveOutOfQuietHours } from '../../src/automation/rules/quietHours'
import { STOCK_RULES } from '../../src/automation/rules/stockRules'
import { enrollmentMessage } from '../../src/enrollment/notify/enrollmentMessage'
import { seedEmailTemplates } from '../../src/seed/emailTemplates'
import { startTestAula, type TestAula } from '../helpers/aula'
import { courseData, createWebinar, errorPaths } from '../helpers/catalog'
import { drainQueue, pendingJobFor } from '../helpers/email'
import { ManualClock } from '../helpers/manualClock'
import { SmtpSink } from '../helpers/smtpSink'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const NOW = '2030-05-10T12:00:00.000Z'
const smtp = new SmtpSink()
const clock = new ManualClock(NOW)
let aula: TestAula
let editorToken: string

beforeAll(async () => {
  await smtp.start()
  aula = await startTestAula({ clock, smtpTransport: smtp.transport })
  await seedEmailTemplates(aula.payload)
  editorToken = (await aula.createUser(['editor'])).token
})

afterAll(async () => {
  await aula.close()
  await smtp.stop()
})

let counter = 0
const uniqueEmail = () => `regla${(counter += 1)}-${Date.now()}@example.com`
const iso = (ms: number) => new Date(ms).toISOString()

async function registerFor(collection: 'webinars' | 'courses', itemId: number, overrides: Record<string, unknown> = {}) {
  const email = uniqueEmail()
  const response = await aula.api.post(`/${collection}/${itemId}/${collection === 'webinars' ? 'register' : 'enroll'}`, { email, firstName: 'Rosa', lastName: 'Quispe', ...overrides })
  expect(response.status).toBe(201)
  return { id: response.body.doc.id as number, email }
}

const logRows = (email: string) =>
  aula.payload
    .find({ collection: 'email-log', where: { to: { equals: email } }, sort: 'id', pagination: false, overrideAccess: true, depth: 0 })
    .then((result) => result.docs)

/** The planned rows of one person, as `key → {scheduledFor, template, status}`. */
async function plannedRows(email: string) {
  const rows = (await logRows(email)).filter((row) => row.rule || String(row.dedupeKey).startsWith('rule-'))
  return Object.fromEntries(
    rows.map((row) => [
      row.dedupeKey,
      { scheduledFor: row.scheduledFor ? new Date(row.scheduledFor).toISOString() : null, templateKey: row.templateKey, status: row.status, rule: row.rule },
    ]),
  )
}

const stockRuleId = async (key: string) => {
  const { docs } = await aula.payload.find({ collection: 'email-rules', where: { key: { equals: key } }, overrideAccess: true, depth: 0 })
  return docs[0].id as number
}

async function createRule(data: Record<string, unknown>) {
  const response = await aula.api.post('/email-rules', { offsetUnit: 'days', audience: 'confirmed', timing: 'item', ...data }, { token: editorToken })
  expect(response.status).toBe(201)
  return response.body.doc as { id: number }
}

async function replan(enrollmentId: number) {
  const req = await createLocalReq({}, aula.payload)
  const enrollment = await aula.payload.findByID({ collection: 'enrollments', id: enrollmentId, depth: 0, overrideAccess: true })
  const message = await enrollmentMessage(req, enrollment as unknown as Record<string, unknown>)
  return replanEnrollmentEmails(req, message as NonNullable<typeof message>)
}

/** Runs the send job of one row at a given moment of the app clock, as the worker would then. */
async function sendAt(emailLogId: number, at: Date) {
  clock.set(at)
  const [job] = await pendingJobFor(aula.payload, emailLogId)
  await aula.payload.jobs.runByID({ id: job.id, silent: true })
  clock.set(NOW)
  return aula.payload.findByID({ collection: 'email-log', id: emailLogId, depth: 0, overrideAccess: true })
}

describe('the stock rules reproduce the reminders Aula always sent', () => {
  it('every database holds the stock rules, which staff can read', async () => {
    const response = await aula.api.get('/email-rules?limit=50&sort=id', { token: editorToken })
    expect(response.status).toBe(200)
    const keys = response.body.docs.map((doc: { key: string | null }) => doc.key)
    expect(keys).toEqual(expect.arrayContaining(STOCK_RULES.map((rule) => rule.key)))
    const student = await aula.createUser(['student'])
    expect((await aula.api.get('/email-rules', { token: student.token })).status).toBe(403)
  })

  it('a webinar registration gets the 24 h, 1 h and 15 min rows with the same keys and times as before rules existed', async () => {
    const startsAt = Date.parse('2030-05-20T00:00:00.000Z')
    const webinar = await createWebinar(aula.payload, { title: 'Reglas de fábrica', startsAt: iso(startsAt) })
    const { id, email } = await registerFor('webinars', webinar.id)
    const start = iso(startsAt)
    expect(await plannedRows(email)).toEqual({
      [`webinar_reminder_24h:${id}:${start}`]: { scheduledFor: iso(startsAt - DAY), templateKey: 'webinar_reminder_24h', status: 'queued', rule: await stockRuleId('webinar_reminder_24h') },
      [`webinar_reminder_1h:${id}:${start}`]: { scheduledFor: iso(startsAt - HOUR), templateKey: 'webinar_reminder_1h', status: 'queued', rule: await stockRuleId('webinar_reminder_1h') },
      [`webinar_access_15m:${id}:${start}`]: { scheduledFor: iso(startsAt - 15 * MINUTE), templateKey: 'webinar_access_15m', status: 'queued', rule: await stockRuleId('webinar_access_15m') },
    })
  })

  it('a course registration gets each near session’s reminders, and the link only for online sessions', async () => {
    const online = Date.parse(NOW) + 30 * HOUR
    const inPerson = Date.parse(NOW) + 40 * HOUR
    const beyondHorizon = Date.parse(NOW) + 5 * DAY
    const data = courseData({
      title: 'Curso de reglas',
      regularPrice: 0,
      timezone: 'America/Lima',
      modules: [
        {
          title: 'Módulo 1',
          sessions: [
            { name: 'En línea', date: iso(online), meetingLink: 'https://meet.example.com/a' },
            { name: 'Presencial', date: iso(inPerson), modality: 'presential', location: 'Aula 3' },
            { name: 'Lejana', date: iso(beyondHorizon) },
          ],
        },
      ],
    })
    delete (data as Record<string, unknown>).startDate
    delete (data as Record<string, unknown>).endDate
    const course = await aula.payload.create({ collection: 'courses', data: data as never, overrideAccess: true, depth: 0 })
    const { id, email } = await registerFor('courses', course.id)
    const sessions = (course.modules?.[0]?.sessions ?? []) as { id: string }[]
    const key = (template: string, index: number, start: number) => `${template}:${id}:${sessions[index].id}:${iso(start)}`
    const rows = await plannedRows(email)
    expect(Object.keys(rows).sort()).toEqual(
      [
        key('course_session_reminder_24h', 0, online),
        key('course_session_reminder_1h', 0, online),
        key('course_session_access_15m', 0, online),
        key('course_session_reminder_24h', 1, inPerson),
        key('course_session_reminder_1h', 1, inPerson),
      ].sort(),
    )
    expect(rows[key('course_session_reminder_24h', 0, online)].scheduledFor).toBe(iso(online - DAY))
    expect(rows[key('course_session_access_15m', 0, online)].scheduledFor).toBe(iso(online - 15 * MINUTE))
    expect(rows[key('course_session_reminder_1h', 1, inPerson)].scheduledFor).toBe(iso(inPerson - HOUR))
  })
})

describe('rules staff write', () => {
  it('a new "3 days before" rule for one webinar queues its email 3 days ahead, under a key of its own', async () => {
    const startsAt = Date.parse('2030-05-25T15:00:00.000Z')
    const webinar = await createWebinar(aula.payload, { title: 'Tres días antes', startsAt: iso(startsAt) })
    const rule = await createRule({ name: 'Tres días antes', templateKey: 'webinar_reminder_24h', trigger: 'before_start', offsetAmount: 3, scope: 'items', items: [{ relationTo: 'webinars', value: webinar.id }] })
    const { id, email } = await registerFor('webinars', webinar.id)
    const rows = await plannedRows(email)
    expect(rows[`rule-${rule.id}:${id}:${iso(startsAt)}`]).toEqual({ scheduledFor: iso(startsAt - 3 * DAY), templateKey: 'webinar_reminder_24h', status: 'queued', rule: rule.id })
    // Someone on another webinar gets nothing from it.
    const other = await createWebinar(aula.payload, { title: 'Otro webinar', startsAt: iso(startsAt) })
    const stranger = await registerFor('webinars', other.id)
    expect(Object.keys(await plannedRows(stranger.email)).some((key) => key.startsWith(`rule-${rule.id}:`))).toBe(false)
  })

  it('an edited offset re-times the same queued email instead of adding a second one', async () => {
    const startsAt = Date.parse('2030-05-26T15:00:00.000Z')
    const webinar = await createWebinar(aula.payload, { title: 'Offset editado', startsAt: iso(startsAt) })
    const rule = await createRule({ name: 'Antes, editable', templateKey: 'webinar_reminder_24h', trigger: 'before_start', offsetAmount: 3, scope: 'items', items: [{ relationTo: 'webinars', value: webinar.id }] })
    const { id, email } = await registerFor('webinars', webinar.id)
    const key = `rule-${rule.id}:${id}:${iso(startsAt)}`
    expect((await aula.api.patch(`/email-rules/${rule.id}`, { offsetAmount: 2 }, { token: editorToken })).status).toBe(200)
    await replan(id)
    const rows = await plannedRows(email)
    expect(Object.keys(rows).filter((each) => each.startsWith(`rule-${rule.id}:`))).toEqual([key])
    expect(rows[key]).toMatchObject({ scheduledFor: iso(startsAt - 2 * DAY), status: 'queued' })
  })

  it('a waitlisted person gets the waitlist rule while waiting, and it is cancelled once they leave the waitlist', async () => {
    const startsAt = Date.parse('2030-05-27T15:00:00.000Z')
    const webinar = await createWebinar(aula.payload, { title: 'Lista de espera con regla', startsAt: iso(startsAt), capacity: 1 })
    const rule = await createRule({ name: 'Aún en espera', templateKey: 'enrollment_waitlisted', trigger: 'before_start', offsetAmount: 2, audience: 'waitlisted', scope: 'items', items: [{ relationTo: 'webinars', value: webinar.id }] })
    const first = await registerFor('webinars', webinar.id)
    const second = await registerFor('webinars', webinar.id)
    const key = `rule-${rule.id}:${second.id}:${iso(startsAt)}`
    expect((await plannedRows(second.email))[key]).toMatchObject({ status: 'queued', scheduledFor: iso(startsAt - 2 * DAY) })
    expect(Object.keys(await plannedRows(first.email)).some((each) => each.startsWith(`rule-${rule.id}:`))).toBe(false)
    // The first cancels: the second is promoted, their waitlist email is dropped and the reminders come instead.
    const admin = await aula.createUser(['admin'])
    expect((await aula.api.post(`/enrollments/${first.id}/cancel`, { reason: 'Viaje' }, { token: admin.token })).status).toBe(200)
    await drainQueue(aula.payload)
    expect((await aula.payload.findByID({ collection: 'enrollments', id: second.id, depth: 0, overrideAccess: true })).status).toBe('confirmed')
    const rows = await plannedRows(second.email)
    expect(rows[key]?.status).toBe('cancelled')
    expect(rows[`webinar_reminder_24h:${second.id}:${iso(startsAt)}`]?.status).toBe('queued')
  })
})

describe('a moved start', () => {
  it('re-plans a waitlisted person’s rule email for the new start, without telling them of the move', async () => {
    const startsAt = Date.parse('2030-06-03T15:00:00.000Z')
    const movedTo = startsAt + DAY
    const webinar = await createWebinar(aula.payload, { title: 'Espera y cambio de fecha', startsAt: iso(startsAt), capacity: 1 })
    const rule = await createRule({ name: 'Espera, 2 días antes', templateKey: 'enrollment_waitlisted', trigger: 'before_start', offsetAmount: 2, audience: 'waitlisted', scope: 'items', items: [{ relationTo: 'webinars', value: webinar.id }] })
    await registerFor('webinars', webinar.id)
    const waiting = await registerFor('webinars', webinar.id)
    await aula.payload.update({ collection: 'webinars', id: webinar.id, data: { startsAt: iso(movedTo) }, overrideAccess: true })
    const rows = await plannedRows(waiting.email)
    expect(rows[`rule-${rule.id}:${waiting.id}:${iso(startsAt)}`]?.status).toBe('cancelled')
    expect(rows[`rule-${rule.id}:${waiting.id}:${iso(movedTo)}`]).toMatchObject({ status: 'queued', scheduledFor: iso(movedTo - 2 * DAY) })
    expect((await logRows(waiting.email)).some((row) => row.templateKey === 'webinar_rescheduled')).toBe(false)
  })
})

describe('quiet hours', () => {
  it('move a time inside the window to its end, across midnight, in Lima and in Madrid', () => {
    const night = { from: '22:00', until: '07:00' }
    // 23:30 in Lima (UTC-5) → 07:00 the next morning.
    expect(moveOutOfQuietHours(new Date('2030-05-11T04:30:00Z'), night, 'America/Lima').toISOString()).toBe('2030-05-11T12:00:00.000Z')
    // 06:59 → 07:00; 07:00 and 21:59 are allowed as they are.
    expect(moveOutOfQuietHours(new Date('2030-05-11T11:59:00Z'), night, 'America/Lima').toISOString()).toBe('2030-05-11T12:00:00.000Z')
    expect(moveOutOfQuietHours(new Date('2030-05-11T12:00:00Z'), night, 'America/Lima').toISOString()).toBe('2030-05-11T12:00:00.000Z')
    expect(moveOutOfQuietHours(new Date('2030-05-11T02:59:00Z'), night, 'America/Lima').toISOString()).toBe('2030-05-11T02:59:00.000Z')
    // The same instant is 06:30 in Madrid (UTC+2 in May): moved to 07:00 there.
    expect(moveOutOfQuietHours(new Date('2030-05-11T04:30:00Z'), night, 'Europe/Madrid').toISOString()).toBe('2030-05-11T05:00:00.000Z')
    // The night the clocks go back in Madrid (27 Oct 2030): midnight CEST → 07:00 CET, a 8-hour night.
    expect(moveOutOfQuietHours(new Date('2030-10-26T22:00:00Z'), night, 'Europe/Madrid').toISOString()).toBe('2030-10-27T06:00:00.000Z')
    // The night they go forward (31 Mar 2030): an end of 02:30 that never exists that night ends at 03:00.
    expect(moveOutOfQuietHours(new Date('2030-03-31T00:30:00Z'), { from: '01:00', until: '02:30' }, 'Europe/Madrid').toISOString()).toBe('2030-03-31T01:00:00.000Z')
    expect(moveOutOfQuietHours(new Date('2030-05-11T04:30:00Z'), null, 'America/Lima').toISOString()).toBe('2030-05-11T04:30:00.000Z')
  })

  it('a person’s own zone must be a real IANA zone; they may set it themselves', async () => {
    const student = await aula.createUser(['student'])
    const wrong = await aula.api.patch(`/users/${student.id}`, { timezone: 'Marte/Base' }, { token: student.token })
    expect(wrong.status).toBe(400)
    expect(errorPaths(wrong.body)).toContain('timezone')
    const right = await aula.api.patch(`/users/${student.id}`, { timezone: 'Europe/Madrid' }, { token: student.token })
    expect(right.status).toBe(200)
    expect(right.body.doc.timezone).toBe('Europe/Madrid')
  })

  it('apply in each recipient’s zone: a night in Lima is a morning in Madrid', async () => {
    // 06:00 UTC is 01:00 in Lima and 08:00 in Madrid; the rule sends 3 days before.
    const startsAt = Date.parse('2030-05-28T06:00:00.000Z')
    const webinar = await createWebinar(aula.payload, { title: 'Horario sin envíos', startsAt: iso(startsAt), timezone: 'America/Lima' })
    const rule = await createRule({
      name: 'Sin envíos de noche',
      templateKey: 'webinar_reminder_24h',
      trigger: 'before_start',
      offsetAmount: 3,
      scope: 'items',
      items: [{ relationTo: 'webinars', value: webinar.id }],
      quietHours: { enabled: true, from: '22:00', until: '07:00' },
    })
    const inLima = await registerFor('webinars', webinar.id)
    const madrileña = await aula.createUser(['student'], { timezone: 'Europe/Madrid' })
    const response = await aula.api.post(`/webinars/${webinar.id}/register`, undefined, { token: madrileña.token })
    expect(response.status).toBe(201)
    const limaRow = (await plannedRows(inLima.email))[`rule-${rule.id}:${inLima.id}:${iso(startsAt)}`]
    const madridRow = (await plannedRows(madrileña.email))[`rule-${rule.id}:${response.body.doc.id}:${iso(startsAt)}`]
    // Lima: 01:00 is quiet, so 07:00 Lima (12:00 UTC). Madrid: 08:00 is fine as it is.
    expect(limaRow.scheduledFor).toBe('2030-05-25T12:00:00.000Z')
    expect(madridRow.scheduledFor).toBe('2030-05-25T06:00:00.000Z')
  })
})

describe('a rule that cannot work is refused, naming the field', () => {
  const base = { name: 'Regla', templateKey: 'webinar_reminder_24h', trigger: 'before_start', offsetAmount: 1, offsetUnit: 'days', scope: 'all_webinars' }
  const cases: [string, Record<string, unknown>, string][] = [
    ['an unknown template', { templateKey: 'no_such_email' }, 'templateKey'],
    ['a template the rule cannot fill (a certificate’s number)', { templateKey: 'certificate_issued' }, 'templateKey'],
    ['a session email on a rule that is not per session', { templateKey: 'course_session_reminder_24h', scope: 'all_courses' }, 'templateKey'],
    ['an offset of more than a year', { offsetAmount: 366 }, 'offsetAmount'],
    ['an offset of more than a year in hours', { offsetAmount: 9000, offsetUnit: 'hours' }, 'offsetAmount'],
    ['a negative offset', { offsetAmount: -1 }, 'offsetAmount'],
    ['attendance known only after the start', { audience: 'attended' }, 'audience'],
    ['sessions of webinars', { timing: 'each_session' }, 'timing'],
    ['chosen items with none chosen', { scope: 'items', items: [] }, 'items'],
    ['chosen categories with none chosen', { scope: 'categories' }, 'categories'],
    ['an enrollment change without the change', { trigger: 'enrollment_change' }, 'enrollmentEvent'],
    ['a malformed quiet hour', { quietHours: { enabled: true, from: '25:00', until: '07:00' } }, 'quietHours.from'],
    ['a quiet window that starts where it ends', { quietHours: { enabled: true, from: '07:00', until: '07:00' } }, 'quietHours.until'],
  ]
  it.each(cases)('%s', async (_, change, path) => {
    const before = await aula.payload.count({ collection: 'email-rules', overrideAccess: true })
    const response = await aula.api.post('/email-rules', { ...base, ...change }, { token: editorToken })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toContain(path)
    expect((await aula.payload.count({ collection: 'email-rules', overrideAccess: true })).totalDocs).toBe(before.totalDocs)
  })

  it('an edit that breaks a stored rule is refused too, and the key stays the seeder’s', async () => {
    const id = await stockRuleId('webinar_reminder_1h')
    const broken = await aula.api.patch(`/email-rules/${id}`, { timing: 'each_session' }, { token: editorToken })
    expect(broken.status).toBe(400)
    expect(errorPaths(broken.body)).toContain('timing')
    const renamed = await aula.api.patch(`/email-rules/${id}`, { key: 'hijacked', name: 'Webinar: recordatorio 1 hora antes' }, { token: editorToken })
    expect(renamed.status).toBe(200)
    expect(renamed.body.doc.key).toBe('webinar_reminder_1h')
    const sales = await aula.createUser(['sales'])
    expect((await aula.api.post('/email-rules', base, { token: sales.token })).status).toBe(403)
  })
})

describe('the send-time guard', () => {
  it('a queued email of a rule switched off since is not sent', async () => {
    const startsAt = Date.parse('2030-05-29T15:00:00.000Z')
    const webinar = await createWebinar(aula.payload, { title: 'Regla apagada', startsAt: iso(startsAt) })
    const rule = await createRule({ name: 'Se apagará', templateKey: 'webinar_reminder_24h', trigger: 'before_start', offsetAmount: 2, scope: 'items', items: [{ relationTo: 'webinars', value: webinar.id }] })
    const { id, email } = await registerFor('webinars', webinar.id)
    const row = (await logRows(email)).find((each) => each.dedupeKey === `rule-${rule.id}:${id}:${iso(startsAt)}`)
    // Switched off in the database alone: the re-planning job has not run, the guard still stops it.
    await aula.payload.db.updateOne({ collection: 'email-rules', id: rule.id, data: { active: false } })
    const sent = await sendAt(row?.id as number, new Date(startsAt - 2 * DAY + MINUTE))
    expect(sent).toMatchObject({ status: 'cancelled', lastError: 'the email rule is switched off' })
    expect(smtp.to(email).map((mail) => mail.subject)).toHaveLength(0)
  })

  it('a stock reminder switched off for one webinar is not sent to its people, and still is to others', async () => {
    const startsAt = Date.parse('2030-05-30T15:00:00.000Z')
    const quiet = await createWebinar(aula.payload, { title: 'Sin recordatorio', startsAt: iso(startsAt) })
    const loud = await createWebinar(aula.payload, { title: 'Con recordatorio', startsAt: iso(startsAt) })
    const off = await registerFor('webinars', quiet.id)
    const on = await registerFor('webinars', loud.id)
    const ruleId = await stockRuleId('webinar_reminder_1h')
    await aula.payload.db.updateOne({ collection: 'webinars', id: quiet.id, data: { emailRulesOff: [ruleId] } })
    const rowOf = async (email: string, enrollmentId: number) => (await logRows(email)).find((each) => each.dedupeKey === `webinar_reminder_1h:${enrollmentId}:${iso(startsAt)}`)
    const stopped = await sendAt((await rowOf(off.email, off.id))?.id as number, new Date(startsAt - HOUR + MINUTE))
    expect(stopped).toMatchObject({ status: 'cancelled', lastError: 'the email rule is switched off for this item' })
    const delivered = await sendAt((await rowOf(on.email, on.id))?.id as number, new Date(startsAt - HOUR + MINUTE))
    expect(delivered.status).toBe('sent')
  })

  it('a reminder queued before rules existed (no rule on the row) answers to its stock rule', async () => {
    const startsAt = Date.parse('2030-05-31T15:00:00.000Z')
    const webinar = await createWebinar(aula.payload, { title: 'Fila antigua', startsAt: iso(startsAt) })
    const { id, email } = await registerFor('webinars', webinar.id)
    const row = (await logRows(email)).find((each) => each.dedupeKey === `webinar_reminder_24h:${id}:${iso(startsAt)}`)
    await aula.payload.db.updateOne({ collection: 'email-log', id: row?.id as number, data: { rule: null } })
    const ruleId = await stockRuleId('webinar_reminder_24h')
    await aula.payload.db.updateOne({ collection: 'email-rules', id: ruleId, data: { active: false } })
    try {
      const sent = await sendAt(row?.id as number, new Date(startsAt - DAY + MINUTE))
      expect(sent).toMatchObject({ status: 'cancelled', lastError: 'the email rule is switched off' })
    } finally {
      await aula.payload.db.updateOne({ collection: 'email-rules', id: ruleId, data: { active: true } })
    }
  })
})
