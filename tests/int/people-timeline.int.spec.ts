import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createLocalReq } from 'payload'

import { buildTimeline } from '../../src/people/timeline/buildTimeline'
import { seedEmailTemplates } from '../../src/seed/emailTemplates'
import { formatWithZone } from '../../src/utilities/localTime'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'
import { drainQueue } from '../helpers/email'
import { ManualClock } from '../helpers/manualClock'
import { SmtpSink } from '../helpers/smtpSink'

type Account = Awaited<ReturnType<TestAula['createUser']>>

/** Payload stamps `createdAt` with the real time and Aula's hooks with the app clock: keep both on the same time line. */
const tick = async () => {
  await new Promise((resolve) => setTimeout(resolve, 5))
  clock.set(new Date())
}
const smtp = new SmtpSink()
const clock = new ManualClock()
let aula: TestAula
let admin: Account, editor: Account, sales: Account, otherSales: Account, instructor: Account, student: Account
/** A lead worked by `sales`, won and converted: the person then has an account, an enrollment, a payment and an email. */
let person: { leadId: number; userId: number; email: string; enrollmentId: number; paymentId: number; cancelUrl: string; webinarTitle: string }

beforeAll(async () => {
  await smtp.start()
  aula = await startTestAula({ clock, smtpTransport: smtp.transport })
  await seedEmailTemplates(aula.payload)
  ;[admin, editor, sales, otherSales, instructor, student] = await Promise.all(
    (['admin', 'editor', 'sales', 'sales', 'instructor', 'student'] as const).map((role) => aula.createUser([role])),
  )
  const email = `valeria-${Date.now()}@cliente.pe`
  const lead = await aula.payload.create({
    collection: 'leads',
    data: { firstName: 'Valeria', lastName: 'Cárdenas', email, company: 'Minera Andina', assignedTo: sales.id } as never,
    overrideAccess: true,
    depth: 0,
  })
  const asSales = (data: Record<string, unknown>) => aula.api.patch(`/leads/${lead.id}`, data, { token: sales.token })
  await tick()
  expect((await asSales({ interactions: [{ type: 'call', summary: 'Llamada de presentación', outcome: 'Interesada en Excel' }] })).status).toBe(200)
  await tick()
  expect((await asSales({ stage: 'contacted' })).status).toBe(200)
  await tick()
  expect((await asSales({ stage: 'won' })).status).toBe(200)
  const webinar = await createWebinar(aula.payload, { title: `Excel para finanzas ${Date.now()}` })
  const converted = await aula.api.post(`/leads/${lead.id}/convert`, { item: { relationTo: 'webinars', value: webinar.id } }, { token: sales.token })
  expect(converted.status).toBe(201)
  const enrollment = await aula.payload.findByID({ collection: 'enrollments', id: converted.body.enrollment.id, depth: 0, overrideAccess: true })
  const payment = await aula.payload.create({
    collection: 'payments',
    data: { enrollment: enrollment.id, user: enrollment.user as number, amount: 150, currency: 'PEN', status: 'succeeded' },
    overrideAccess: true,
    depth: 0,
  })
  await tick()
  await drainQueue(aula.payload)
  // Payload's waitUntil is real time; the app clock decides what is due, so run what is left now.
  const { docs: pending } = await aula.payload.find({ collection: 'payload-jobs', where: { and: [{ taskSlug: { equals: 'sendEmail' } }, { completedAt: { exists: false } }] }, pagination: false, overrideAccess: true })
  for (const job of pending) await aula.payload.jobs.runByID({ id: job.id, silent: true })
  const [log] = (await aula.payload.find({ collection: 'email-log', where: { to: { equals: email } }, overrideAccess: true, depth: 0 })).docs
  person = {
    leadId: lead.id,
    userId: enrollment.user as number,
    email,
    enrollmentId: enrollment.id,
    paymentId: payment.id,
    cancelUrl: String((log.variables as Record<string, unknown>).cancelUrl),
    webinarTitle: String(webinar.title),
  }
})

afterAll(async () => {
  await aula.close()
  await smtp.stop()
})

const timeline = (collection: 'users' | 'leads', id: number, token?: string) => aula.api.get(`/${collection}/${id}/timeline`, { token })
const sources = (body: any) => new Set((body.entries as Array<{ source: string }>).map((entry) => entry.source))
const inTimeOrder = (body: any) => {
  const times = (body.entries as Array<{ at: string }>).map((entry) => new Date(entry.at).getTime())
  return times.every((time, index) => index === 0 || time >= times[index - 1])
}
/** The end of the signed cancel link: enough to tell whether the link itself is in a message. */
const signedPart = () => person.cancelUrl.slice(-24)

describe('a person’s timeline', () => {
  it('an admin reads a person’s account, enrollment, payment and the email they received (rendered, with its working links), oldest first, in Lima time naming the zone', async () => {
    const response = await timeline('users', person.userId, admin.token)
    expect(response.status).toBe(200)
    const { body } = response
    expect(body.subject).toMatchObject({ collection: 'users', id: person.userId, name: 'Valeria Cárdenas', email: person.email })
    expect([...sources(body)]).toEqual(expect.arrayContaining(['account', 'enrollments', 'payments', 'emails']))
    expect(inTimeOrder(body)).toBe(true)
    expect(body.timeZone).toBe('America/Lima')
    for (const entry of body.entries) {
      expect(entry.when).toBe(formatWithZone(entry.at, 'America/Lima', 'es'))
      expect(entry.when).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d \(hora de Lima\)$/)
    }
    expect(body.entries.find((entry: any) => entry.source === 'enrollments')).toMatchObject({ title: `Inscripción: ${person.webinarTitle}`, link: { collection: 'enrollments', id: person.enrollmentId } })
    expect(body.entries.find((entry: any) => entry.source === 'payments')).toMatchObject({ title: 'Pago 150.00 PEN', detail: 'Pagado', link: { collection: 'payments', id: person.paymentId } })
    // Reminders are queued for their own time (the day before, an hour before): they sit there, not at the registration.
    const queued = body.entries.filter((entry: any) => entry.source === 'emails' && entry.email.status === 'En cola')
    expect(queued.length).toBeGreaterThan(0)
    for (const reminder of queued) expect(new Date(reminder.at).getTime()).toBeGreaterThan(Date.now() + 30 * 60_000)
    // The registration's confirmation (the payment's receipt is another email, src/commerce/receipts).
    const email = body.entries.find((entry: any) => entry.source === 'emails' && entry.email.status !== 'En cola' && /Tu lugar en/.test(entry.email.subject))
    expect(email.email.status).toBe('Enviado')
    expect(email.email.subject).toContain(person.webinarTitle)
    expect(email.email.html).toContain(person.webinarTitle)
    expect(email.email.html).toContain(signedPart())
    expect(body.related).toEqual([expect.objectContaining({ collection: 'leads', id: person.leadId })])
    expect(body.hidden).toEqual([])
  })

  it('the lead’s timeline tells its story (received, the call, each stage change with who made it, the enrollment its conversion created) and links to the person’s account', async () => {
    const response = await timeline('leads', person.leadId, sales.token)
    expect(response.status).toBe(200)
    const { body } = response
    expect(inTimeOrder(body)).toBe(true)
    const titles = (body.entries as Array<{ title: string }>).map((entry) => entry.title)
    expect(titles.slice(0, 4)).toEqual(['Prospecto recibido', 'Llamada: Llamada de presentación', 'Etapa: Nuevo → Contactado', 'Etapa: Contactado → Ganado'])
    expect(titles).toContain(`Inscripción: ${person.webinarTitle}`)
    expect(body.entries.find((entry: any) => entry.source === 'interactions').detail).toContain('Interesada en Excel')
    expect(body.entries.find((entry: any) => entry.title === 'Etapa: Contactado → Ganado').detail).toBe('por Test sales')
    expect(body.related).toEqual([expect.objectContaining({ collection: 'users', id: person.userId, name: 'Valeria Cárdenas' })])
  })

  it('a sales user, who may not read the email log, gets no emails in any timeline and is told that emails are not shown', async () => {
    for (const [collection, id] of [['leads', person.leadId], ['users', person.userId]] as const) {
      const { status, body } = await timeline(collection, id, sales.token)
      expect(status).toBe(200)
      expect(sources(body).has('emails')).toBe(false)
      expect(JSON.stringify(body)).not.toContain(signedPart())
      expect(body.hidden).toEqual(['Correos'])
    }
  })

  it('an editor sees the email a person received, but its signed cancel link reads [hidden], as in the email log', async () => {
    const { status, body } = await timeline('users', person.userId, editor.token)
    expect(status).toBe(200)
    const email = body.entries.find((entry: any) => entry.source === 'emails' && /Tu lugar en/.test(entry.email.subject))
    expect(email.email.html).toContain(person.webinarTitle)
    expect(email.email.html).toContain('[hidden]')
    expect(JSON.stringify(body)).not.toContain(signedPart())
  })

  it('a student cannot call it, not even for their own account; nobody anonymous either', async () => {
    expect((await timeline('users', student.id, student.token)).status).toBe(403)
    expect((await timeline('users', person.userId, student.token)).status).toBe(403)
    expect((await timeline('leads', person.leadId, student.token)).status).toBe(403)
    expect((await timeline('users', person.userId)).status).toBe(401)
  })

  it('a person the caller may not read is a 404: a student’s account for an instructor, another seller’s lead, any lead for an editor', async () => {
    expect((await timeline('users', person.userId, instructor.token)).status).toBe(404)
    expect((await timeline('leads', person.leadId, otherSales.token)).status).toBe(404)
    expect((await timeline('leads', person.leadId, editor.token)).status).toBe(404)
    expect((await timeline('users', 99_999_999, admin.token)).status).toBe(404)
  })

  it('every source reads as the caller: even past the gate, an instructor would see none of a student’s payments, enrollments or emails', async () => {
    const caller = await aula.payload.findByID({ collection: 'users', id: instructor.id, depth: 0, overrideAccess: true })
    const req = await createLocalReq({ user: { ...caller, collection: 'users' } as never }, aula.payload)
    const doc = await aula.payload.findByID({ collection: 'users', id: person.userId, depth: 0, overrideAccess: true })
    const result = await buildTimeline({ req, subject: { kind: 'user', doc }, language: 'es' })
    expect([...sources(result)]).toEqual(['account'])
    expect(result.hidden).toEqual(['Correos'])
  })
})
