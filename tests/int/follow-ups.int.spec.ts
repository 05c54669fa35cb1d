import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { createLocalReq } from 'payload'
import sharp from 'sharp'

import { recordMany } from '../../src/attendance/record'
import { queueEmail } from '../../src/email/queueEmail'
import { followUpDedupeKey, sendFollowUpsOf } from '../../src/followUps/send'
import { sql, sqlFor } from '../../src/enrollment/transaction'
import { seedEmailTemplates } from '../../src/seed/emailTemplates'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createCourse, createWebinar, errorPaths } from '../helpers/catalog'
import { drainQueue } from '../helpers/email'
import { ManualClock } from '../helpers/manualClock'
import { SmtpSink } from '../helpers/smtpSink'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const START = '2030-06-01T10:00:00.000Z'
const smtp = new SmtpSink()
const clock = new ManualClock(START)
let aula: TestAula
type Login = Awaited<ReturnType<TestAula['createUser']>>
let editor: Login
let sales: Login
let instructor: Login

beforeAll(async () => {
  await smtp.start()
  aula = await startTestAula({ clock, smtpTransport: smtp.transport })
  await seedEmailTemplates(aula.payload)
  editor = await aula.createUser(['editor'])
  sales = await aula.createUser(['sales'])
  instructor = await aula.createUser(['instructor'])
})

afterEach(() => clock.set(START))

afterAll(async () => {
  await aula.close()
  await smtp.stop()
})

// ---------------------------------------------------------------- helpers

let counter = 0
const uniqueEmail = (name: string) => `${name}-${(counter += 1)}-${Date.now()}@example.com`
const at = (iso: string, offsetMs: number) => new Date(new Date(iso).getTime() + offsetMs)

/** What the worker does each minute: the scheduled follow-up run, then every email it queued. */
async function runFollowUpJob() {
  await aula.payload.jobs.queue({ task: 'sendFollowUps' as never, input: {} as never })
  await drainQueue(aula.payload)
}

type Person = { enrollmentId: number; email: string }

async function register(collection: 'webinars' | 'courses', itemId: number, firstName: string, language?: 'en'): Promise<Person> {
  if (language) {
    const student = await aula.createUser(['student'], { language, firstName })
    const response = await aula.api.post(`/${collection}/${itemId}/${collection === 'webinars' ? 'register' : 'enroll'}`, undefined, { token: student.token })
    expect([response.status, response.body?.errors]).toEqual([201, undefined])
    return { enrollmentId: response.body.doc.id, email: student.email }
  }
  const email = uniqueEmail(firstName.toLowerCase())
  const response = await aula.api.post(`/${collection}/${itemId}/${collection === 'webinars' ? 'register' : 'enroll'}`, { email, firstName, lastName: 'Prueba' })
  expect([response.status, response.body?.errors]).toEqual([201, undefined])
  return { enrollmentId: response.body.doc.id, email }
}

async function mark(collection: 'webinars' | 'courses', itemId: number, marks: { enrollmentId: number; present: boolean }[], sessionId: string | null = null) {
  const req = await createLocalReq({}, aula.payload)
  await recordMany(req, { collection, itemId, sessionId, marks, source: 'api' }, { overrideAccess: true })
}

/** The follow-up log rows of these people (any of the three templates), oldest first. */
async function followUpRows(people: Person[]) {
  const { docs } = await aula.payload.find({
    collection: 'email-log',
    where: { and: [{ to: { in: people.map((person) => person.email.toLowerCase()) } }, { templateKey: { in: ['followup_attended', 'followup_missed', 'followup_released'] } }] },
    sort: 'createdAt',
    pagination: false,
    overrideAccess: true,
    depth: 0,
  })
  return docs
}

const templateOf = async (person: Person) => (await followUpRows([person])).map((row) => row.templateKey)
/** The follow-ups the mail server received for this person (their confirmation, reminders and certificate are other tests' business). */
const FOLLOW_UP_SUBJECT = /^(Gracias por participar en|Te extrañamos en|Thanks for joining|We missed you at)|: (grabación y materiales|recording and resources)$/
const mailsTo = (person: Person) => smtp.to(person.email).filter((mail) => FOLLOW_UP_SUBJECT.test(mail.subject ?? ''))

const followUpOf = async (collection: 'webinars' | 'courses', id: number) => {
  const doc = (await aula.payload.findByID({ collection, id, depth: 0, overrideAccess: true })) as unknown as { followUp?: { status?: string; dueAt?: string; waiting?: number | null; sent?: number | null } }
  return doc.followUp ?? {}
}

/** A webinar starting at 12:00 UTC on START's day, an hour long: it ends at 13:00, so its follow-up is due at 15:00 by default. */
const webinarAtNoon = (title: string, overrides: Record<string, unknown> = {}) =>
  createWebinar(aula.payload, {
    title,
    startsAt: '2030-06-01T12:00:00.000Z',
    durationMinutes: 60,
    recordingUrl: 'https://vimeo.com/555000111',
    resources: [{ label: 'Diapositivas', url: 'https://example.com/diapositivas.pdf' }],
    ...overrides,
  })
const WEBINAR_DUE = '2030-06-01T15:00:00.000Z'

// ---------------------------------------------------------------- attendees and no-shows

describe('after a webinar with attendance recorded', () => {
  it('attendees get the thank-you with the recording, resources and their feedback link; the confirmed who missed it get the catch-up email without one', async () => {
    const webinar = await webinarAtNoon('Power BI para gerentes')
    const ana = await register('webinars', webinar.id, 'Ana')
    const beto = await register('webinars', webinar.id, 'Beto')
    const john = await register('webinars', webinar.id, 'John', 'en')
    clock.set('2030-06-01T13:10:00.000Z')
    // Beto is marked absent; John was never marked at all: both count as not attending.
    await mark('webinars', webinar.id, [
      { enrollmentId: ana.enrollmentId, present: true },
      { enrollmentId: beto.enrollmentId, present: false },
    ])
    clock.set(WEBINAR_DUE)
    await runFollowUpJob()

    expect(await templateOf(ana)).toEqual(['followup_attended'])
    expect(await templateOf(beto)).toEqual(['followup_missed'])
    expect(await templateOf(john)).toEqual(['followup_missed'])

    const [thanks] = mailsTo(ana)
    expect(thanks.subject).toBe('Gracias por participar en Power BI para gerentes')
    expect(thanks.html).toContain('href="https://vimeo.com/555000111"')
    expect(thanks.html).toContain('Diapositivas')
    expect(thanks.html).toContain(`/api/enrollments/${ana.enrollmentId}/feedback?token=`)

    const [missed] = mailsTo(beto)
    expect(missed.subject).toBe('Te extrañamos en Power BI para gerentes')
    expect(missed.html).toContain('https://vimeo.com/555000111')
    expect(missed.html).not.toContain('/feedback?token=')

    const [english] = mailsTo(john)
    expect(english.subject).toBe('We missed you at Power BI para gerentes')
    expect(english.html).toContain('>Recording</a>')

    expect(await followUpOf('webinars', webinar.id)).toMatchObject({ status: 'sent', sent: 3 })
  })

  it('a second run, and a run after one person was already handled, send nobody a second follow-up', async () => {
    const webinar = await webinarAtNoon('Excel sin miedo')
    const ana = await register('webinars', webinar.id, 'Ana')
    const beto = await register('webinars', webinar.id, 'Beto')
    clock.set('2030-06-01T13:10:00.000Z')
    await mark('webinars', webinar.id, [{ enrollmentId: ana.enrollmentId, present: true }])
    // A run that crashed after handling Ana left her follow-up in the log (same dedupe key) but the item unsent.
    const req = await createLocalReq({}, aula.payload)
    await queueEmail(req, { templateKey: 'followup_attended', to: { email: ana.email }, dedupeKey: followUpDedupeKey(ana.enrollmentId), variables: { firstName: 'Ana', title: 'Excel sin miedo' } })
    clock.set(WEBINAR_DUE)
    await runFollowUpJob()
    await runFollowUpJob()
    clock.advance(2 * HOUR)
    await runFollowUpJob()

    expect(await templateOf(ana)).toEqual(['followup_attended'])
    expect(await templateOf(beto)).toEqual(['followup_missed'])
    expect(mailsTo(ana)).toHaveLength(1)
    expect(mailsTo(beto)).toHaveLength(1)
  })

  it('a follow-up still waiting for the mail server when the person is refunded is not sent', async () => {
    const webinar = await webinarAtNoon('Reembolso tardío')
    const ana = await register('webinars', webinar.id, 'Ana')
    clock.set('2030-06-01T13:10:00.000Z')
    await mark('webinars', webinar.id, [{ enrollmentId: ana.enrollmentId, present: true }])
    clock.set(WEBINAR_DUE)
    // Only the follow-up run: its emails stay queued, as during an SMTP outage.
    const job = (await aula.payload.jobs.queue({ task: 'sendFollowUps' as never, input: {} as never })) as unknown as { id: number }
    await aula.payload.jobs.runByID({ id: job.id, silent: true })
    const db = await sqlFor(await createLocalReq({}, aula.payload))
    await db.execute(sql`UPDATE enrollments SET status = 'refunded' WHERE id = ${ana.enrollmentId}`)
    await drainQueue(aula.payload)
    const [row] = await followUpRows([ana])
    expect(row).toMatchObject({ templateKey: 'followup_attended', status: 'cancelled', lastError: 'the enrollment is no longer confirmed' })
    expect(mailsTo(ana)).toEqual([])
  })

  it('a list longer than one batch is sent in several transactions, each person once, in their own template', async () => {
    const webinar = await webinarAtNoon('En tandas')
    const people: Person[] = []
    for (const name of ['Ana', 'Beto', 'Carla', 'Dani', 'Eva']) people.push(await register('webinars', webinar.id, name))
    clock.set('2030-06-01T13:10:00.000Z')
    await mark('webinars', webinar.id, people.map((person, index) => ({ enrollmentId: person.enrollmentId, present: index % 2 === 0 })))
    clock.set(WEBINAR_DUE)
    // Batches of two: three transactions for five people.
    expect(await sendFollowUpsOf(await createLocalReq({}, aula.payload), 'webinars', webinar.id, { batchSize: 2 })).toBe('sent')
    await drainQueue(aula.payload)
    expect(await Promise.all(people.map(templateOf))).toEqual([['followup_attended'], ['followup_missed'], ['followup_attended'], ['followup_missed'], ['followup_attended']])
    expect(await followUpOf('webinars', webinar.id)).toMatchObject({ status: 'sent', sent: 5 })
    await runFollowUpJob()
    expect(await followUpRows(people)).toHaveLength(5)
  })

  it('people who cancelled or only sat on the waitlist get no follow-up', async () => {
    const webinar = await webinarAtNoon('Cupo de dos', { capacity: 1 })
    const ana = await register('webinars', webinar.id, 'Ana')
    const waiting = await register('webinars', webinar.id, 'Wendy')
    clock.set('2030-06-01T13:10:00.000Z')
    await mark('webinars', webinar.id, [{ enrollmentId: ana.enrollmentId, present: true }])
    clock.set(WEBINAR_DUE)
    await runFollowUpJob()
    expect(await templateOf(ana)).toEqual(['followup_attended'])
    expect(await templateOf(waiting)).toEqual([])
  })
})

// ---------------------------------------------------------------- the delay

describe('the delay after the end', () => {
  it('nothing goes out a minute before the end plus the default two hours; it goes out at that minute', async () => {
    const webinar = await webinarAtNoon('Dos horas después')
    const ana = await register('webinars', webinar.id, 'Ana')
    expect((await followUpOf('webinars', webinar.id)).dueAt).toBe(WEBINAR_DUE)
    clock.set('2030-06-01T13:10:00.000Z')
    await mark('webinars', webinar.id, [{ enrollmentId: ana.enrollmentId, present: true }])
    clock.set(at(WEBINAR_DUE, -MINUTE))
    await runFollowUpJob()
    expect(await templateOf(ana)).toEqual([])
    expect((await followUpOf('webinars', webinar.id)).status).toBe('scheduled')
    clock.set(WEBINAR_DUE)
    await runFollowUpJob()
    expect(await templateOf(ana)).toEqual(['followup_attended'])
  })

  it('the job is scheduled every minute, so a follow-up leaves within a minute of its time', () => {
    const task = aula.payload.config.jobs.tasks?.find((candidate) => candidate.slug === 'sendFollowUps')
    expect(task?.schedule).toEqual([{ cron: '* * * * *', queue: 'default' }])
  })

  it('a delay below zero or beyond 720 hours is refused naming the field, and the due time stays', async () => {
    const webinar = await webinarAtNoon('Demora imposible')
    for (const followUpDelayHours of [-1, 721]) {
      const response = await aula.api.patch(`/webinars/${webinar.id}`, { followUpDelayHours }, { token: editor.token })
      expect(response.status).toBe(400)
      expect(errorPaths(response.body)).toEqual(['followUpDelayHours'])
    }
    expect((await followUpOf('webinars', webinar.id)).dueAt).toBe(WEBINAR_DUE)
  })

  it("an item's own delay is honoured (24 hours), and editing it over the API moves the due time", async () => {
    const webinar = await webinarAtNoon('Un día después')
    const ana = await register('webinars', webinar.id, 'Ana')
    const response = await aula.api.patch(`/webinars/${webinar.id}`, { followUpDelayHours: 24 }, { token: editor.token })
    expect([response.status, response.body?.errors]).toEqual([200, undefined])
    expect((await followUpOf('webinars', webinar.id)).dueAt).toBe('2030-06-02T13:00:00.000Z')
    clock.set('2030-06-01T13:10:00.000Z')
    await mark('webinars', webinar.id, [{ enrollmentId: ana.enrollmentId, present: true }])
    clock.set(at(WEBINAR_DUE, 12 * HOUR))
    await runFollowUpJob()
    expect(await templateOf(ana)).toEqual([])
    clock.set('2030-06-02T13:00:00.000Z')
    await runFollowUpJob()
    expect(await templateOf(ana)).toEqual(['followup_attended'])
  })

  it('a course follows up after its last session ends, and anyone present at any session counts as attending', async () => {
    const course = await createCourse(aula.payload, {
      title: 'Finanzas personales',
      regularPrice: 0,
      timezone: 'America/Lima',
      startDate: '2030-06-02T12:00:00.000Z',
      endDate: '2030-06-30T12:00:00.000Z',
      resources: [{ label: 'Plantilla de presupuesto', url: 'https://example.com/presupuesto.xlsx' }],
      modules: [
        {
          title: 'Módulo 1',
          sessions: [
            { date: '2030-06-03T23:00:00.000Z', name: 'Ahorro', durationHours: 2, recordingUrl: 'https://vimeo.com/1', resources: [{ label: 'Guía', url: 'https://example.com/guia.pdf' }] },
            { date: '2030-06-10T23:00:00.000Z', name: 'Deudas', durationHours: 2, recordingUrl: 'https://vimeo.com/2' },
          ],
        },
      ],
    })
    const ana = await register('courses', course.id, 'Ana')
    const beto = await register('courses', course.id, 'Beto')
    const { docs } = await aula.payload.find({ collection: 'courses', where: { id: { equals: course.id } }, depth: 0, overrideAccess: true })
    const firstSession = (docs[0].modules ?? [])[0].sessions?.[0]?.id as string
    // Ends 2030-06-11 01:00 UTC; due two hours later.
    expect((await followUpOf('courses', course.id)).dueAt).toBe('2030-06-11T03:00:00.000Z')
    clock.set('2030-06-05T12:00:00.000Z')
    await mark('courses', course.id, [
      { enrollmentId: ana.enrollmentId, present: true },
      { enrollmentId: beto.enrollmentId, present: false },
    ], firstSession)
    clock.set('2030-06-11T02:59:00.000Z')
    await runFollowUpJob()
    expect(await templateOf(ana)).toEqual([])
    clock.set('2030-06-11T03:00:00.000Z')
    await runFollowUpJob()
    expect(await templateOf(ana)).toEqual(['followup_attended'])
    expect(await templateOf(beto)).toEqual(['followup_missed'])
    const [thanks] = mailsTo(ana)
    expect(thanks.html).toContain('Sesión 1 «Ahorro»: grabación')
    expect(thanks.html).toContain('https://vimeo.com/2')
    expect(thanks.html).toContain('Sesión 1 «Ahorro»: Guía')
    expect(thanks.html).toContain('Plantilla de presupuesto')
  })
})

// ---------------------------------------------------------------- the hold and its release

describe('when no attendance was recorded', () => {
  it('the webinar goes on hold, nothing is sent, and staff read in Spanish how many confirmed people wait', async () => {
    const webinar = await webinarAtNoon('Sin lista de asistencia')
    const people = [await register('webinars', webinar.id, 'Ana'), await register('webinars', webinar.id, 'Beto')]
    clock.set(WEBINAR_DUE)
    await runFollowUpJob()
    await runFollowUpJob()
    expect(await followUpRows(people)).toEqual([])
    expect(await followUpOf('webinars', webinar.id)).toMatchObject({ status: 'on_hold', waiting: 2 })

    const response = await aula.api.get(`/webinars/${webinar.id}/follow-ups`, { token: editor.token })
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ status: 'on_hold', confirmed: 2, attendanceRecorded: false })
    expect(response.body.summary).toContain('no se registró asistencia, así que no se envió nada. 2 personas confirmadas esperan el seguimiento.')
    expect(response.body.summary).toContain('01/06/2030 10:00 (hora de Lima)')
  })

  it('"Enviar a todos los confirmados" sends everyone confirmed the wording that presumes neither, once; a second release is a 409', async () => {
    const webinar = await webinarAtNoon('Liberado a todos')
    const ana = await register('webinars', webinar.id, 'Ana')
    const john = await register('webinars', webinar.id, 'John', 'en')
    clock.set(WEBINAR_DUE)
    await runFollowUpJob()
    expect((await followUpOf('webinars', webinar.id)).status).toBe('on_hold')

    const released = await aula.api.post(`/webinars/${webinar.id}/follow-ups/release`, undefined, { token: sales.token })
    expect(released.status).toBe(202)
    expect(released.body.message).toBe('Liberado: el seguimiento sale ahora a todas las personas confirmadas.')
    // The release queued its own run: no need to wait for the next minute.
    await drainQueue(aula.payload)
    expect(await templateOf(ana)).toEqual(['followup_released'])
    expect(await templateOf(john)).toEqual(['followup_released'])
    const [neutral] = mailsTo(ana)
    expect(neutral.subject).toBe('Liberado a todos: grabación y materiales')
    expect(neutral.html).toContain('Si participaste')
    expect(neutral.html).not.toMatch(/Gracias por acompañarnos|no pudimos verte/)
    expect(neutral.html).toContain(`/api/enrollments/${ana.enrollmentId}/feedback?token=`)
    expect(mailsTo(john)[0].subject).toBe('Liberado a todos: recording and resources')
    expect(await followUpOf('webinars', webinar.id)).toMatchObject({ status: 'sent', sent: 2 })

    const again = await aula.api.post(`/webinars/${webinar.id}/follow-ups/release`, undefined, { token: sales.token })
    expect(again.status).toBe(409)
    expect(again.body.errors[0].message).toBe('El seguimiento ya se envió.')
    await runFollowUpJob()
    expect(await followUpRows([ana, john])).toHaveLength(2)
  })

  it('recording attendance after the hold lets the next run send each person their own follow-up', async () => {
    const webinar = await webinarAtNoon('Asistencia tardía')
    const ana = await register('webinars', webinar.id, 'Ana')
    const beto = await register('webinars', webinar.id, 'Beto')
    clock.set(WEBINAR_DUE)
    await runFollowUpJob()
    expect((await followUpOf('webinars', webinar.id)).status).toBe('on_hold')
    clock.advance(3 * HOUR)
    await mark('webinars', webinar.id, [{ enrollmentId: ana.enrollmentId, present: true }])
    await runFollowUpJob()
    expect(await templateOf(ana)).toEqual(['followup_attended'])
    expect(await templateOf(beto)).toEqual(['followup_missed'])
    expect((await followUpOf('webinars', webinar.id)).status).toBe('sent')
  })

  it('an item that is not on hold cannot be released (409), and nothing is sent early', async () => {
    const webinar = await webinarAtNoon('Aún programado')
    const ana = await register('webinars', webinar.id, 'Ana')
    const response = await aula.api.post(`/webinars/${webinar.id}/follow-ups/release`, undefined, { token: editor.token })
    expect(response.status).toBe(409)
    expect(response.body.errors[0].message).toBe('El seguimiento todavía no está en espera: saldrá solo cuando llegue su hora.')
    await drainQueue(aula.payload)
    expect(await templateOf(ana)).toEqual([])
    expect((await followUpOf('webinars', webinar.id)).status).toBe('scheduled')
  })

  it('only staff who write to participants release: anonymous 401, an instructor 403, an unknown item 404, and the hold stays', async () => {
    const webinar = await webinarAtNoon('Quién libera')
    await register('webinars', webinar.id, 'Ana')
    clock.set(WEBINAR_DUE)
    await runFollowUpJob()
    expect((await aula.api.post(`/webinars/${webinar.id}/follow-ups/release`)).status).toBe(401)
    expect((await aula.api.post(`/webinars/${webinar.id}/follow-ups/release`, undefined, { token: instructor.token })).status).toBe(403)
    expect((await aula.api.post(`/webinars/999999/follow-ups/release`, undefined, { token: editor.token })).status).toBe(404)
    expect((await aula.api.get(`/webinars/${webinar.id}/follow-ups`)).status).toBe(401)
    expect((await followUpOf('webinars', webinar.id)).status).toBe('on_hold')
  })

  it('a webinar on hold that is postponed to a future date is scheduled again', async () => {
    const webinar = await webinarAtNoon('Pospuesto')
    await register('webinars', webinar.id, 'Ana')
    clock.set(WEBINAR_DUE)
    await runFollowUpJob()
    expect((await followUpOf('webinars', webinar.id)).status).toBe('on_hold')
    const response = await aula.api.patch(`/webinars/${webinar.id}`, { startsAt: '2030-06-08T12:00:00.000Z' }, { token: editor.token })
    expect([response.status, response.body?.errors]).toEqual([200, undefined])
    expect(await followUpOf('webinars', webinar.id)).toMatchObject({ status: 'scheduled', dueAt: '2030-06-08T15:00:00.000Z' })
  })
})

describe('items from before follow-ups existed', () => {
  it('saving a past webinar that never had a follow-up state marks it skipped, and nobody is mailed', async () => {
    const webinar = await webinarAtNoon('Evento antiguo')
    const ana = await register('webinars', webinar.id, 'Ana')
    clock.set('2030-06-01T13:10:00.000Z')
    await mark('webinars', webinar.id, [{ enrollmentId: ana.enrollmentId, present: true }])
    // What the migration leaves on an existing row: the new columns empty.
    const db = await sqlFor(await createLocalReq({}, aula.payload))
    await db.execute(sql`UPDATE webinars SET follow_up_status = NULL, follow_up_due_at = NULL, follow_up_changed_at = NULL WHERE id = ${webinar.id}`)
    clock.set('2030-07-01T12:00:00.000Z')
    await runFollowUpJob()
    const response = await aula.api.patch(`/webinars/${webinar.id}`, { summary: 'Un resumen corregido.' }, { token: editor.token })
    expect([response.status, response.body?.errors]).toEqual([200, undefined])
    expect((await followUpOf('webinars', webinar.id)).status).toBe('skipped')
    await runFollowUpJob()
    expect(await templateOf(ana)).toEqual([])
  })
})

// ---------------------------------------------------------------- the fields

describe('recording and resources on the item', () => {
  it('a resource with neither a link nor a file is refused naming the field, and nothing is saved', async () => {
    const webinar = await webinarAtNoon('Materiales inválidos')
    const response = await aula.api.patch(`/webinars/${webinar.id}`, { resources: [{ label: 'Vacío' }] }, { token: editor.token })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toEqual(['resources.0.url'])
    const both = await aula.api.patch(`/webinars/${webinar.id}`, { recordingUrl: 'javascript:alert(1)' }, { token: editor.token })
    expect(both.status).toBe(400)
    expect(errorPaths(both.body)).toEqual(['recordingUrl'])
    const stored = await aula.payload.findByID({ collection: 'webinars', id: webinar.id, depth: 0, overrideAccess: true })
    expect((stored as unknown as { resources: { label: string }[] }).resources.map((row) => row.label)).toEqual(['Diapositivas'])
  })

  it('the public catalogue shows neither the recording, the resources nor the follow-up state; a confirmed participant reads the recording', async () => {
    const webinar = await webinarAtNoon('Grabación privada')
    const publicRead = await aula.api.get(`/webinars/${webinar.id}`)
    expect(publicRead.status).toBe(200)
    expect(publicRead.body).not.toHaveProperty('recordingUrl')
    // Payload answers a denied array as an empty one: nothing of its rows shows.
    expect(publicRead.body.resources ?? []).toEqual([])
    expect(publicRead.body).not.toHaveProperty('followUp')
    expect(publicRead.body).not.toHaveProperty('followUpDelayHours')

    const student = await aula.createUser(['student'])
    expect((await aula.api.post(`/webinars/${webinar.id}/register`, undefined, { token: student.token })).status).toBe(201)
    const participantRead = await aula.api.get(`/webinars/${webinar.id}`, { token: student.token })
    expect(participantRead.body.recordingUrl).toBe('https://vimeo.com/555000111')
    expect(participantRead.body).not.toHaveProperty('followUp')

    const graphql = await aula.api.graphql(`{ Webinar(id: ${webinar.id}) { recordingUrl resources { label url } followUpDelayHours followUp { status } } }`)
    expect(graphql.body.data?.Webinar).toMatchObject({ recordingUrl: null, followUpDelayHours: null })
    // GraphQL answers a denied group as an object of nulls: its values stay hidden.
    expect(graphql.body.data?.Webinar.followUp?.status ?? null).toBeNull()
    expect(graphql.body.data?.Webinar.resources ?? []).toEqual([])
  })

  it('a resource uploaded as a file is listed in the email with an absolute link to it', async () => {
    const data = await sharp({ create: { width: 20, height: 20, channels: 3, background: { r: 10, g: 20, b: 30 } } }).png().toBuffer()
    const file = await aula.payload.create({ collection: 'media', data: { alt: 'Esquema' }, file: { data, mimetype: 'image/png', name: 'esquema.png', size: data.length }, overrideAccess: true })
    const webinar = await webinarAtNoon('Con archivo', { resources: [{ label: 'Esquema de la clase', file: file.id }] })
    const ana = await register('webinars', webinar.id, 'Ana')
    clock.set('2030-06-01T13:10:00.000Z')
    await mark('webinars', webinar.id, [{ enrollmentId: ana.enrollmentId, present: true }])
    clock.set(WEBINAR_DUE)
    await runFollowUpJob()
    const [thanks] = mailsTo(ana)
    expect(thanks.html).toMatch(/<a href="http:\/\/localhost:3000\/api\/media\/file\/esquema[^"]*\.png">Esquema de la clase<\/a>/)
  })

  it("a copied webinar or a course's new run keeps the resources but not the old recording, and its follow-up starts over", async () => {
    const webinar = await webinarAtNoon('Edición 1')
    await register('webinars', webinar.id, 'Ana')
    clock.set(WEBINAR_DUE)
    await runFollowUpJob()
    expect((await followUpOf('webinars', webinar.id)).status).toBe('on_hold')
    const copy = await aula.api.post(`/webinars/${webinar.id}/duplicate`, {}, { token: editor.token })
    expect([copy.status, copy.body?.errors]).toEqual([200, undefined])
    const copied = await aula.payload.findByID({ collection: 'webinars', id: copy.body.doc.id, depth: 0, overrideAccess: true })
    expect(copied).toMatchObject({ recordingUrl: null, resources: [expect.objectContaining({ label: 'Diapositivas' })] })
    expect((await followUpOf('webinars', copy.body.doc.id)).status).toBe('scheduled')

    const course = await createCourse(aula.payload, {
      title: 'Curso con material',
      startDate: '2030-06-02T12:00:00.000Z',
      endDate: '2030-06-30T12:00:00.000Z',
      resources: [{ label: 'Sílabo', url: 'https://example.com/silabo.pdf' }],
      modules: [{ title: 'Único', sessions: [{ date: '2030-06-20T23:00:00.000Z', durationHours: 2, recordingUrl: 'https://vimeo.com/viejo', resources: [{ label: 'Guía', url: 'https://example.com/guia.pdf' }] }] }],
    })
    const run = await aula.api.post(`/courses/${course.id}/duplicate`, { shiftDays: 28 }, { token: editor.token })
    expect([run.status, run.body?.errors]).toEqual([201, undefined])
    const newRun = await aula.payload.findByID({ collection: 'courses', id: run.body.doc.id, depth: 0, overrideAccess: true })
    const session = (newRun.modules ?? [])[0].sessions?.[0] as Record<string, unknown>
    expect(session.recordingUrl ?? null).toBeNull()
    expect((session.resources as { label: string }[]).map((row) => row.label)).toEqual(['Guía'])
    expect(((newRun as unknown as { resources: { label: string }[] }).resources).map((row) => row.label)).toEqual(['Sílabo'])
    expect((await followUpOf('courses', run.body.doc.id)).status).toBe('scheduled')
  })

  it('nobody writes the follow-up state through the API', async () => {
    const webinar = await webinarAtNoon('Estado protegido')
    const response = await aula.api.patch(`/webinars/${webinar.id}`, { followUp: { status: 'sent', dueAt: '2020-01-01T00:00:00.000Z' } }, { token: editor.token })
    expect(response.status).toBe(200)
    expect(await followUpOf('webinars', webinar.id)).toMatchObject({ status: 'scheduled', dueAt: WEBINAR_DUE })
  })
})
