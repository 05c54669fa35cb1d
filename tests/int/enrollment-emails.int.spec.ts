import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { ParsedMail } from 'mailparser'
import type { Payload } from 'payload'

import { seedEmailTemplates } from '../../src/seed/emailTemplates'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'
import { drainQueue } from '../helpers/email'
import { ManualClock } from '../helpers/manualClock'
import { SmtpSink } from '../helpers/smtpSink'

const HOUR = 3_600_000
const smtp = new SmtpSink()
const clock = new ManualClock('2030-05-10T12:00:00.000Z')
let aula: TestAula

beforeAll(async () => {
  await smtp.start()
  aula = await startTestAula({ clock, smtpTransport: smtp.transport })
  await seedEmailTemplates(aula.payload)
})

afterAll(async () => {
  await aula.close()
  await smtp.stop()
})

let counter = 0
const person = (overrides: Record<string, unknown> = {}) => ({ email: `asistente${(counter += 1)}-${Date.now()}@example.com`, firstName: 'Lucía', lastName: 'Paz', ...overrides })
const register = async (webinarId: number, body = person()) => {
  const response = await aula.api.post(`/webinars/${webinarId}/register`, body)
  expect(response.status).toBe(201)
  return { id: response.body.doc.id as number, email: body.email as string }
}

/** Runs every pending email job now, whatever Payload's real-time waitUntil says: the app clock decides. */
async function runAllEmailJobs(payload: Payload) {
  await drainQueue(payload)
  const { docs } = await payload.find({ collection: 'payload-jobs', where: { and: [{ taskSlug: { equals: 'sendEmail' } }, { completedAt: { exists: false } }] }, pagination: false, overrideAccess: true })
  for (const job of docs) await payload.jobs.runByID({ id: job.id, silent: true })
}
const mailTo = (email: string) => smtp.to(email)
const subjects = (email: string) => mailTo(email).map((mail) => mail.subject)
const ics = (mail: ParsedMail) => mail.attachments.find((attachment) => attachment.contentType.startsWith('text/calendar'))?.content.toString() ?? ''
const logRows = (email: string) =>
  aula.payload.find({ collection: 'email-log', where: { to: { equals: email.toLowerCase() } }, sort: 'createdAt', pagination: false, overrideAccess: true, depth: 0 }).then((result) => result.docs)

describe('emails about an enrollment', () => {
  it('a confirmed registration is mailed in Spanish with the time in the event’s zone and a calendar invite', async () => {
    const webinar = await createWebinar(aula.payload, { title: 'Excel avanzado', startsAt: '2030-05-20T00:00:00.000Z', timezone: 'America/Lima', durationMinutes: 90 })
    const { id, email } = await register(webinar.id)
    await runAllEmailJobs(aula.payload)
    const [mail] = mailTo(email)
    expect(mail.subject).toBe('¡Listo, Lucía! Tu lugar en Excel avanzado está confirmado')
    // 00:00 UTC on the 20th is 7 p.m. on Sunday the 19th in Lima.
    expect(mail.html).toContain('domingo, 19 de mayo de 2030, 7:00 p.m. (America/Lima)')
    const invite = ics(mail)
    expect(invite).toContain('METHOD:REQUEST')
    expect(invite).toContain(`UID:enrollment-${id}@aula`)
    expect(invite).toContain('DTSTART;TZID=America/Lima:20300519T190000')
    expect(invite).toContain('DTEND;TZID=America/Lima:20300519T203000')
    expect(invite).toContain('SEQUENCE:0')
  })

  it('someone who prefers English gets English', async () => {
    const webinar = await createWebinar(aula.payload, { title: 'Data basics', startsAt: '2030-05-20T00:00:00.000Z' })
    const student = await aula.createUser(['student'], { language: 'en', firstName: 'John' })
    await aula.api.post(`/webinars/${webinar.id}/register`, undefined, { token: student.token })
    await runAllEmailJobs(aula.payload)
    expect(subjects(student.email)).toEqual(["You're in, John! Your seat for Data basics is confirmed"])
  })

  it('the waitlist, a promotion and a cancellation each send their email, once', async () => {
    const webinar = await createWebinar(aula.payload, { title: 'Taller corto', capacity: 1, startsAt: '2030-05-20T00:00:00.000Z' })
    const first = await register(webinar.id)
    const second = await register(webinar.id)
    await runAllEmailJobs(aula.payload)
    expect(subjects(second.email)).toEqual(['Estás en la lista de espera de Taller corto'])

    const student = await aula.payload.find({ collection: 'users', where: { email: { equals: first.email } }, overrideAccess: true })
    const admin = await aula.createUser(['admin'])
    await aula.api.post(`/enrollments/${first.id}/cancel`, { reason: 'Viaje' }, { token: admin.token })
    await runAllEmailJobs(aula.payload)
    await runAllEmailJobs(aula.payload)
    expect(student.docs).toHaveLength(1)
    expect(subjects(first.email)).toEqual(['¡Listo, Lucía! Tu lugar en Taller corto está confirmado', 'Tu inscripción en Taller corto fue cancelada'])
    expect(ics(mailTo(first.email)[1])).toContain('METHOD:CANCEL')
    expect(subjects(second.email)).toEqual(['Estás en la lista de espera de Taller corto', '¡Buenas noticias! Se liberó un lugar en Taller corto'])
  })

  it('someone registering a person who is already registered mails that person "you are already registered", with their cancel link and no invite', async () => {
    const webinar = await createWebinar(aula.payload, { title: 'Charla repetida', startsAt: '2030-05-20T00:00:00.000Z' })
    const body = person()
    const { id, email } = await register(webinar.id, body)
    await register(webinar.id, body)
    await runAllEmailJobs(aula.payload)
    expect(subjects(email).sort()).toEqual(['Ya estás inscrito en Charla repetida', '¡Listo, Lucía! Tu lugar en Charla repetida está confirmado'])
    const notice = mailTo(email).find((mail) => mail.subject === 'Ya estás inscrito en Charla repetida')!
    expect(notice.html).toContain(`/api/enrollments/${id}/cancel-link?token=`)
    expect(notice.html).toContain('Ya estás inscrito: no tienes que hacer nada más.')
    expect(notice.text).toMatch(/ya\s+estabas inscrito/)
    expect(notice.attachments).toHaveLength(0)
  })
})

describe('reminders before a webinar', () => {
  it('go out 24 hours, 1 hour and 15 minutes before the start, the last one with the meeting link', async () => {
    const startsAt = new Date(clock.now().getTime() + 3 * 24 * HOUR)
    const webinar = await createWebinar(aula.payload, { title: 'Power BI', startsAt: startsAt.toISOString(), meetingLink: 'https://zoom.us/j/555' })
    const { email } = await register(webinar.id)
    await runAllEmailJobs(aula.payload)
    expect(subjects(email)).toHaveLength(1)

    clock.set(new Date(startsAt.getTime() - 24 * HOUR + 1000))
    await runAllEmailJobs(aula.payload)
    expect(subjects(email)).toEqual([expect.stringContaining('Power BI'), 'Mañana: Power BI'])

    clock.set(new Date(startsAt.getTime() - HOUR + 1000))
    await runAllEmailJobs(aula.payload)
    clock.set(new Date(startsAt.getTime() - 15 * 60_000 + 1000))
    await runAllEmailJobs(aula.payload)
    expect(subjects(email).slice(2)).toEqual(['En una hora: Power BI', 'Tu enlace para entrar a Power BI'])
    expect(mailTo(email)[3].html).toContain('https://zoom.us/j/555')
    clock.set('2030-05-10T12:00:00.000Z')
  })

  it('someone registering 30 minutes before the start gets only the 15-minute one', async () => {
    const startsAt = new Date(clock.now().getTime() + 30 * 60_000)
    const webinar = await createWebinar(aula.payload, { title: 'Último minuto', startsAt: startsAt.toISOString() })
    const { email } = await register(webinar.id)
    const keys = (await logRows(email)).map((row) => row.templateKey)
    expect(keys.sort()).toEqual(['enrollment_confirmed', 'webinar_access_15m'])
  })

  it('a reminder due while the worker was down is not sent once the webinar has started', async () => {
    const startsAt = new Date(clock.now().getTime() + 2 * HOUR)
    const webinar = await createWebinar(aula.payload, { title: 'Tarde', startsAt: startsAt.toISOString() })
    const { email } = await register(webinar.id)
    await runAllEmailJobs(aula.payload)
    clock.set(new Date(startsAt.getTime() + 5 * 60_000))
    await runAllEmailJobs(aula.payload)
    expect(subjects(email)).toEqual([expect.stringContaining('Tarde')])
    const reminder = (await logRows(email)).find((row) => row.templateKey === 'webinar_reminder_1h')
    expect(reminder?.status).toBe('cancelled')
    expect(reminder?.lastError).toMatch(/already started/)
    clock.set('2030-05-10T12:00:00.000Z')
  })

  it('rescheduling mails the new time with an updated invite and re-plans the reminders', async () => {
    const webinar = await createWebinar(aula.payload, { title: 'Cambio', startsAt: '2030-05-20T00:00:00.000Z' })
    const { id, email } = await register(webinar.id)
    const editor = await aula.createUser(['editor'])
    const moved = await aula.api.patch(`/webinars/${webinar.id}`, { startsAt: '2030-05-22T00:00:00.000Z' }, { token: editor.token })
    expect(moved.status).toBe(200)
    await runAllEmailJobs(aula.payload)
    const notice = mailTo(email).find((mail) => mail.subject === 'Nuevo horario para Cambio')
    expect(notice).toBeTruthy()
    const invite = ics(notice as ParsedMail)
    expect(invite).toContain(`UID:enrollment-${id}@aula`)
    expect(invite).toContain('SEQUENCE:1')
    expect(invite).toContain('DTSTART;TZID=America/Lima:20300521T190000')
    const rows = await logRows(email)
    const reminders = rows.filter((row) => String(row.templateKey).startsWith('webinar_reminder') || row.templateKey === 'webinar_access_15m')
    expect(reminders.filter((row) => row.status === 'cancelled')).toHaveLength(3)
    expect(reminders.filter((row) => row.status === 'queued' && String(row.dedupeKey).endsWith('2030-05-22T00:00:00.000Z'))).toHaveLength(3)
  })

  it('cancelling the webinar cancels everyone’s enrollment, mails them, and drops pending reminders', async () => {
    const webinar = await createWebinar(aula.payload, { title: 'Suspendido', startsAt: '2030-05-20T00:00:00.000Z' })
    const people = [await register(webinar.id), await register(webinar.id)]
    const editor = await aula.createUser(['editor'])
    // Through "Cancelar webinar" (src/cancellation): a plain status change is refused while people are enrolled.
    const preview = await aula.api.get(`/webinars/${webinar.id}/cancellation`, { token: editor.token })
    const confirm = { people: preview.body.people.total, refunds: preview.body.refunds.count }
    expect((await aula.api.post(`/webinars/${webinar.id}/cancel`, { reason: 'Se suspende', confirm }, { token: editor.token })).status).toBe(202)
    await runAllEmailJobs(aula.payload)
    for (const { id, email } of people) {
      expect(subjects(email)).toContain('Tu inscripción en Suspendido fue cancelada')
      const enrollment = await aula.payload.findByID({ collection: 'enrollments', id, overrideAccess: true })
      expect(enrollment.status).toBe('cancelled')
      expect((await logRows(email)).filter((row) => row.status === 'queued')).toEqual([])
    }
  })
})

describe('the cancel link in emails', () => {
  it('asks for confirmation, cancels with the signed token, and refuses a forged one', async () => {
    const webinar = await createWebinar(aula.payload, { title: 'Con enlace', startsAt: '2030-05-20T00:00:00.000Z' })
    const { id, email } = await register(webinar.id)
    await runAllEmailJobs(aula.payload)
    const link = String(mailTo(email)[0].html).match(/\/api\/enrollments\/(\d+)\/cancel-link\?token=([\w-]+)/)
    expect(link?.[1]).toBe(String(id))
    const token = link?.[2] as string

    expect((await aula.api.get(`/enrollments/${id}/cancel-link?token=forged`)).status).toBe(404)
    const page = await aula.api.get(`/enrollments/${id}/cancel-link?token=${token}`)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Con enlace')
    const done = await aula.api.request('POST', `/enrollments/${id}/cancel-link`, { body: `token=${token}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expect(done.text).toContain('fue cancelada')
    expect((await aula.payload.findByID({ collection: 'enrollments', id, overrideAccess: true })).status).toBe('cancelled')
  })
})
