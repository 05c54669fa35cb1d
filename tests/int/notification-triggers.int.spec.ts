import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Payload } from 'payload'

import type { TestAula } from '../helpers/aula'
import { startAulaWithStripe, stopAulaWithStripe } from '../helpers/aulaWithStripe'
import { createCourse, createWebinar, courseData } from '../helpers/catalog'
import { statementsDuring } from '../helpers/countStatements'
import { drainQueue, pendingJobFor, queueTestEmail, uniqueAddress } from '../helpers/email'
import { ManualClock } from '../helpers/manualClock'
import { SmtpSink } from '../helpers/smtpSink'
import { deliver, paymentFailed, sessionCompleted, sessionExpired } from '../helpers/stripeEvents'
import type { StripeStandIn } from '../helpers/stripeStandIn'
import { EMAIL_MAX_ATTEMPTS } from '../../src/email/statuses'
import type { NotificationKind } from '../../src/notifications/kinds'
import { seedEmailTemplates } from '../../src/seed/emailTemplates'

type Account = Awaited<ReturnType<TestAula['createUser']>>

let aula: TestAula
let stripe: StripeStandIn
const smtp = new SmtpSink()
const clock = new ManualClock('2030-01-10T12:00:00.000Z')
let admin: Account, adminEn: Account, salesEs: Account, salesEn: Account, editorEs: Account, editorEn: Account

beforeAll(async () => {
  await smtp.start()
  ;({ aula, stripe } = await startAulaWithStripe({ clock, smtpTransport: smtp.transport }))
  await seedEmailTemplates(aula.payload)
  admin = await aula.createUser(['admin'], { language: 'es' })
  adminEn = await aula.createUser(['admin'], { language: 'en' })
  salesEs = await aula.createUser(['sales'], { language: 'es' })
  salesEn = await aula.createUser(['sales'], { language: 'en' })
  editorEs = await aula.createUser(['editor'], { language: 'es' })
  editorEn = await aula.createUser(['editor'], { language: 'en' })
}, 120_000)

afterAll(async () => {
  await stopAulaWithStripe(aula, stripe)
  await smtp.stop()
})

// ---------------------------------------------------------------- helpers

type Row = { id: number; recipient: number; kind: string; title: string; body: string; link?: string | null; documentCollection?: string | null; documentId?: string | null }

/** Every notification of `kind`, oldest first, optionally about one document. */
async function notificationsOf(kind: NotificationKind, document?: { collection: string; id: number | string }): Promise<Row[]> {
  const where = document
    ? { and: [{ kind: { equals: kind } }, { documentCollection: { equals: document.collection } }, { documentId: { equals: String(document.id) } }] }
    : { kind: { equals: kind } }
  const { docs } = await aula.payload.find({ collection: 'notifications' as never, where: where as never, sort: 'id', pagination: false, overrideAccess: true, depth: 0 })
  return (docs as unknown as Row[]).map((row) => ({ ...row, recipient: Number(typeof row.recipient === 'object' ? (row.recipient as { id: number }).id : row.recipient) }))
}
const recipientsOf = (rows: Row[]) => rows.map((row) => row.recipient).sort((a, b) => a - b)
const forUser = (rows: Row[], user: { id: number }) => rows.filter((row) => row.recipient === user.id)
const sorted = (...users: { id: number }[]) => users.map((user) => user.id).sort((a, b) => a - b)

let people = 0
const someone = () => ({ email: `persona${(people += 1)}-${Date.now()}@example.com`, firstName: 'Rosa', lastName: `Quispe${people}` })


/** What a worker would do over the next while, now: every job due by the app clock runs. */
async function runDueJobs(payload: Payload, rounds = 5) {
  for (let round = 0; round < rounds; round += 1) {
    await drainQueue(payload)
    const due = { or: [{ waitUntil: { exists: false } }, { waitUntil: { less_than_equal: clock.now().toISOString() } }] }
    const { docs } = await payload.find({ collection: 'payload-jobs', where: { and: [{ completedAt: { exists: false } }, { hasError: { not_equals: true } }, due] }, pagination: false, overrideAccess: true, depth: 0 })
    if (!docs.length) return
    for (const job of docs) await payload.jobs.runByID({ id: job.id, silent: true })
  }
}

// ---------------------------------------------------------------- CRM

describe('leads', () => {
  beforeAll(async () => {
    await aula.payload.updateGlobal({ slug: 'crm-settings', data: { salesTeam: [salesEs.id, salesEn.id], autoAssign: true }, overrideAccess: true })
  })

  it('a lead from the website handed out by round robin tells its new owner, in their language, and nobody else', async () => {
    const person = someone()
    expect((await aula.api.post('/leads', person)).status).toBe(201)
    const lead = (await aula.payload.find({ collection: 'leads', where: { email: { equals: person.email } }, overrideAccess: true, depth: 0 })).docs[0]
    const rows = await notificationsOf('lead_assigned', { collection: 'leads', id: lead.id })
    const owner = Number(lead.assignedTo)
    expect(recipientsOf(rows)).toEqual([owner])
    const spanish = owner === salesEs.id
    expect(rows[0].title).toBe(spanish ? `Te asignaron el prospecto #${lead.id}` : `Lead #${lead.id} was assigned to you`)
    expect(rows[0].link).toBe(`/admin/collections/leads/${lead.id}`)
    // The text names the lead by number, never the person (erasing them must not leave a copy here).
    expect(`${rows[0].title} ${rows[0].body}`).not.toContain(person.lastName)
  })

  it('an admin reassigning a lead tells the new assignee; a salesperson taking a free lead for themself is told nothing', async () => {
    const lead = await aula.payload.create({ collection: 'leads', data: { ...someone(), company: 'Textil Sur' } as never, overrideAccess: true, depth: 0 })
    await aula.payload.update({ collection: 'leads', id: lead.id, data: { assignedTo: null }, overrideAccess: true })
    const before = (await notificationsOf('lead_assigned', { collection: 'leads', id: lead.id })).length
    expect((await aula.api.patch(`/leads/${lead.id}`, { assignedTo: salesEs.id }, { token: salesEs.token })).status).toBe(200)
    expect(await notificationsOf('lead_assigned', { collection: 'leads', id: lead.id })).toHaveLength(before)

    expect((await aula.api.patch(`/leads/${lead.id}`, { assignedTo: salesEn.id }, { token: admin.token })).status).toBe(200)
    const toEn = forUser(await notificationsOf('lead_assigned', { collection: 'leads', id: lead.id }), salesEn)
    expect(toEn.map((row) => row.title)).toContain(`Textil Sur (lead #${lead.id}) was assigned to you`)
  })

  it('a corporate enquiry from the website reaches every salesperson (and only them) in their own language', async () => {
    const person = { ...someone(), type: 'corporate', company: 'Minera Andina', headcount: 25 }
    expect((await aula.api.post('/leads', person)).status).toBe(201)
    const lead = (await aula.payload.find({ collection: 'leads', where: { email: { equals: person.email } }, overrideAccess: true, depth: 0 })).docs[0]
    const rows = await notificationsOf('corporate_lead', { collection: 'leads', id: lead.id })
    expect(recipientsOf(rows)).toEqual(sorted(salesEs, salesEn))
    expect(forUser(rows, salesEs)[0]).toMatchObject({ title: `Nuevo prospecto corporativo: Minera Andina (prospecto #${lead.id})`, body: 'Una empresa pide formación para 25 personas.' })
    expect(forUser(rows, salesEn)[0]).toMatchObject({ title: `New corporate lead: Minera Andina (lead #${lead.id})`, body: 'A company is asking about training for 25 people.' })

    // Saving it again (or an individual lead) says nothing more.
    await aula.api.patch(`/leads/${lead.id}`, { stage: 'contacted' }, { token: admin.token })
    expect(await notificationsOf('corporate_lead', { collection: 'leads', id: lead.id })).toHaveLength(2)
    const individual = someone()
    await aula.api.post('/leads', individual)
    const other = (await aula.payload.find({ collection: 'leads', where: { email: { equals: individual.email } }, overrideAccess: true, depth: 0 })).docs[0]
    expect(await notificationsOf('corporate_lead', { collection: 'leads', id: other.id })).toHaveLength(0)
  })

  it('staff reclassifying a lead as corporate over GraphQL tells sales once', async () => {
    const lead = await aula.payload.create({ collection: 'leads', data: { ...someone(), company: 'Banco Norte' } as never, overrideAccess: true, depth: 0 })
    const mutation = `mutation { updateLead(id: ${lead.id}, data: { type: corporate }) { id type } }`
    const response = await aula.api.graphql(mutation, {}, admin.token)
    expect(response.body.errors).toBeUndefined()
    expect(recipientsOf(await notificationsOf('corporate_lead', { collection: 'leads', id: lead.id }))).toEqual(sorted(salesEs, salesEn))
  })

  it('the daily follow-up job tells each assignee about their overdue follow-ups, once per due date', async () => {
    const pastDue = new Date(clock.now().getTime() - 2 * 86_400_000).toISOString()
    const laterToday = new Date(clock.now().getTime() + 3_600_000).toISOString()
    const overdue = await aula.payload.create({
      collection: 'leads',
      data: { ...someone(), company: 'Agro Perú', assignedTo: salesEn.id, interactions: [{ type: 'call', summary: 'Pidió una propuesta', nextAction: 'Enviar propuesta', nextActionAt: pastDue }] } as never,
      overrideAccess: true,
      depth: 0,
    })
    const dueLater = await aula.payload.create({
      collection: 'leads',
      data: { ...someone(), assignedTo: salesEs.id, interactions: [{ type: 'call', summary: 'Llamar', nextActionAt: laterToday }] } as never,
      overrideAccess: true,
      depth: 0,
    })
    for (let run = 0; run < 2; run += 1) {
      await aula.payload.jobs.queue({ task: 'sendSalesFollowupDigest', input: {} })
      await drainQueue(aula.payload)
    }
    const rows = await notificationsOf('followup_overdue', { collection: 'leads', id: overdue.id })
    expect(recipientsOf(rows)).toEqual([salesEn.id])
    expect(rows[0].title).toBe(`Follow-up overdue: Agro Perú (lead #${overdue.id})`)
    expect(rows[0].body).toBe('The next action was due on 08/01/2030 07:00 (Lima time).')
    expect(await notificationsOf('followup_overdue', { collection: 'leads', id: dueLater.id })).toHaveLength(0)
  })
})

// ---------------------------------------------------------------- seats

describe('seats', () => {
  it('editors hear once that a webinar is nearly full (90%) and once that a waitlist is forming; others hear nothing', async () => {
    const webinar = await createWebinar(aula.payload, { title: 'Excel avanzado', capacity: 10 })
    const register = () => aula.api.post(`/webinars/${webinar.id}/register`, someone())
    for (let n = 0; n < 8; n += 1) expect((await register()).status).toBe(201)
    expect(await notificationsOf('item_nearly_full', { collection: 'webinars', id: webinar.id })).toHaveLength(0)

    expect((await register()).status).toBe(201)
    const full = await notificationsOf('item_nearly_full', { collection: 'webinars', id: webinar.id })
    expect(recipientsOf(full)).toEqual(sorted(editorEs, editorEn))
    expect(forUser(full, editorEs)[0]).toMatchObject({ title: '«Excel avanzado» está casi lleno', body: 'El webinar tiene 9 de 10 cupos ocupados (quedan 1).', link: `/admin/collections/webinars/${webinar.id}` })
    expect(forUser(full, editorEn)[0].title).toBe('«Excel avanzado» is nearly full')

    expect((await register()).status).toBe(201)
    expect(await notificationsOf('waitlist_forming', { collection: 'webinars', id: webinar.id })).toHaveLength(0)
    const waitlisted = await register()
    expect(waitlisted.body.doc.status).toBe('waitlisted')
    const forming = await notificationsOf('waitlist_forming', { collection: 'webinars', id: webinar.id })
    expect(recipientsOf(forming)).toEqual(sorted(editorEs, editorEn))
    expect(forUser(forming, editorEs)[0].title).toBe('Lista de espera en «Excel avanzado»')
    expect(forUser(forming, editorEn)[0].title).toBe('Waitlist forming for «Excel avanzado»')

    expect((await register()).body.doc.status).toBe('waitlisted')
    expect(await notificationsOf('waitlist_forming', { collection: 'webinars', id: webinar.id })).toHaveLength(2)
    expect(await notificationsOf('item_nearly_full', { collection: 'webinars', id: webinar.id })).toHaveLength(2)
  })

  it('an ordinary registration far from full sends not one statement about notifications', async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 100 })
    const statements = await statementsDuring(aula.payload, async () => {
      expect((await aula.api.post(`/webinars/${webinar.id}/register`, someone())).status).toBe(201)
    })
    // The notifications table, the roles setting (a global) and pg_notify: none is touched below 90%.
    const aboutNotifications = /(into|from)\s+"?notifications"?[\s(]|notification_settings|pg_notify/i
    expect(statements.length).toBeGreaterThan(0)
    expect(statements.filter((text) => aboutNotifications.test(text))).toEqual([])
    // …while the one seat that crosses it is seen doing so (the check above can fail).
    const tiny = await createWebinar(aula.payload, { capacity: 1 })
    const crossing = await statementsDuring(aula.payload, () => aula.api.post(`/webinars/${tiny.id}/register`, someone()))
    expect(crossing.filter((text) => aboutNotifications.test(text)).length).toBeGreaterThan(0)
  })

  it('a course crossing 90% tells editors too, naming it a course', async () => {
    const course = await createCourse(aula.payload, { title: 'Gestión de proyectos', capacity: 2, regularPrice: 0 })
    for (let n = 0; n < 2; n += 1) expect((await aula.api.post(`/courses/${course.id}/enroll`, someone())).status).toBe(201)
    const rows = await notificationsOf('item_nearly_full', { collection: 'courses', id: course.id })
    expect(forUser(rows, editorEs)[0].body).toBe('El curso tiene 2 de 2 cupos ocupados (quedan 0).')
  })
})

// ---------------------------------------------------------------- students

describe("students' own events", () => {
  it('a cancelled seat promotes the first waitlisted person, who is told in their language; nobody else is', async () => {
    const webinar = await createWebinar(aula.payload, { title: 'Python para datos', capacity: 1 })
    const first = await aula.createUser(['student'])
    const waiting = await aula.createUser(['student'], { language: 'en' })
    const firstEnrollment = (await aula.api.post(`/webinars/${webinar.id}/register`, undefined, { token: first.token })).body.doc
    const waitingEnrollment = (await aula.api.post(`/webinars/${webinar.id}/register`, undefined, { token: waiting.token })).body.doc
    expect(waitingEnrollment.status).toBe('waitlisted')

    expect((await aula.api.post(`/enrollments/${firstEnrollment.id}/cancel`, { reason: 'Viaje' }, { token: first.token })).status).toBeLessThan(300)
    const rows = await notificationsOf('waitlist_promoted')
    expect(recipientsOf(rows.filter((row) => row.documentId === String(waitingEnrollment.id)))).toEqual([waiting.id])
    expect(forUser(rows, waiting)[0]).toMatchObject({ title: 'You have a seat in «Python para datos»!', body: 'You are off the waitlist and your enrollment is confirmed.' })
    expect(forUser(rows, waiting)[0].link).toMatch(/^http.*\/webinars\//)
    expect(forUser(rows, first)).toHaveLength(0)
  })

  it('a rescheduled webinar tells each confirmed attendee the new time in the webinar zone; the waitlisted hear nothing', async () => {
    const webinar = await createWebinar(aula.payload, { title: 'SQL básico', capacity: 1, startsAt: '2030-03-10T00:00:00.000Z' })
    const attendee = await aula.createUser(['student'])
    const waiting = await aula.createUser(['student'])
    await aula.api.post(`/webinars/${webinar.id}/register`, undefined, { token: attendee.token })
    await aula.api.post(`/webinars/${webinar.id}/register`, undefined, { token: waiting.token })

    expect((await aula.api.patch(`/webinars/${webinar.id}`, { startsAt: '2030-03-12T00:00:00.000Z' }, { token: editorEs.token })).status).toBe(200)
    const rows = (await notificationsOf('schedule_changed')).filter((row) => [attendee.id, waiting.id].includes(row.recipient))
    expect(recipientsOf(rows)).toEqual([attendee.id])
    expect(rows[0]).toMatchObject({ title: 'Nuevo horario para «SQL básico»', body: 'Ahora empieza el 11/03/2030 19:00 (hora de Lima). Te enviamos la invitación actualizada por correo.' })
  })

  it('a course whose sessions change tells its confirmed students once the delayed notice goes out', async () => {
    const data = courseData({ title: 'Contabilidad', regularPrice: 0, timezone: 'America/Lima' })
    const course = await createCourse(aula.payload, data)
    const student = await aula.createUser(['student'], { language: 'en' })
    expect((await aula.api.post(`/courses/${course.id}/enroll`, undefined, { token: student.token })).status).toBe(201)
    const stored = await aula.payload.findByID({ collection: 'courses', id: course.id, depth: 0, overrideAccess: true })
    const modules = (stored.modules ?? []).map((module) => ({ ...module, sessions: (module.sessions ?? []).map((session) => ({ ...session, date: '2030-03-04T00:00:00.000Z' })) }))
    expect((await aula.api.patch(`/courses/${course.id}`, { modules }, { token: editorEs.token })).status).toBe(200)
    expect(forUser(await notificationsOf('schedule_changed'), student)).toHaveLength(0)

    clock.advance(6 * 60_000)
    await runDueJobs(aula.payload)
    const rows = forUser(await notificationsOf('schedule_changed'), student)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ title: 'The schedule of «Contabilidad» changed', body: 'One session changed. The details and the updated calendar are in your email.' })
  })

  it('a certificate issued by an admin tells its holder, with the public verification page', async () => {
    const webinar = await createWebinar(aula.payload, { title: 'Oratoria' })
    const holder = await aula.createUser(['student'])
    const enrollment = (await aula.api.post(`/webinars/${webinar.id}/register`, undefined, { token: holder.token })).body.doc
    const response = await aula.api.post('/certificates/issue', { enrollment: enrollment.id, note: 'Asistió' }, { token: admin.token })
    expect(response.status).toBeLessThan(300)
    const rows = forUser(await notificationsOf('certificate_issued'), holder)
    expect(rows).toHaveLength(1)
    expect(rows[0].title).toBe('Tu certificado de «Oratoria»')
    expect(rows[0].link).toMatch(/\/verify\/[^/]+$/)
    expect(forUser(await notificationsOf('certificate_issued'), admin)).toHaveLength(0)
  })
})

// ---------------------------------------------------------------- payments and email

describe('payments', () => {
  async function pendingPayment() {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 40, currency: 'USD', capacity: 5 })
    const { body } = await aula.api.post(`/webinars/${webinar.id}/register`, someone())
    const session = stripe.sessions.get(body.doc.checkoutUrl.split('/').pop())!
    const payment = (await aula.payload.find({ collection: 'payments', where: { enrollment: { equals: body.doc.id } }, overrideAccess: true, depth: 0 })).docs[0]
    return { session, payment }
  }

  it('a declined card reported by the Stripe webhook tells admins and sales (not editors), in their language', async () => {
    const { session, payment } = await pendingPayment()
    expect((await deliver(aula.api, paymentFailed(session))).status).toBe(200)
    await drainQueue(aula.payload)
    const rows = await notificationsOf('payment_failed', { collection: 'payments', id: payment.id })
    expect(recipientsOf(rows)).toEqual(sorted(admin, adminEn, salesEs, salesEn))
    expect(forUser(rows, salesEs)[0]).toMatchObject({ title: `Pago fallido #${payment.id}`, body: 'El pago de 40.00 USD fue rechazado: Your card was declined.' })
    expect(forUser(rows, adminEn)[0].title).toBe(`Payment #${payment.id} failed`)
  })

  it('a declined card reported after the hold already ended is recorded but tells nobody', async () => {
    const { session, payment } = await pendingPayment()
    await deliver(aula.api, sessionExpired(session))
    await drainQueue(aula.payload)
    await deliver(aula.api, paymentFailed(session))
    await drainQueue(aula.payload)
    expect((await aula.payload.findByID({ collection: 'payments', id: payment.id, depth: 0, overrideAccess: true })).failureMessage).toBe('Your card was declined.')
    expect(await notificationsOf('payment_failed', { collection: 'payments', id: payment.id })).toHaveLength(0)
  })

  it('a person promoted to a paid seat is told to pay, with the pay link', async () => {
    const webinar = await createWebinar(aula.payload, { title: 'Finanzas', isFree: false, price: 40, currency: 'USD', capacity: 1 })
    const first = (await aula.api.post(`/webinars/${webinar.id}/register`, someone())).body.doc
    const waiting = await aula.createUser(['student'])
    const promoted = (await aula.api.post(`/webinars/${webinar.id}/register`, undefined, { token: waiting.token })).body.doc
    expect(promoted.status).toBe('waitlisted')
    const session = stripe.sessions.get(first.checkoutUrl.split('/').pop())!
    await deliver(aula.api, sessionExpired(session))
    await drainQueue(aula.payload)
    const [row] = forUser(await notificationsOf('waitlist_promoted'), waiting)
    expect(row).toMatchObject({ title: '¡Tienes cupo en «Finanzas»!', body: 'Saliste de la lista de espera: completa el pago para confirmar tu cupo.' })
    expect(row.link).toContain(`/api/enrollments/${promoted.id}/pay?token=`)
  })

  it('a refund an admin asks for tells admins and sales, in their language', async () => {
    const { session, payment } = await pendingPayment()
    await deliver(aula.api, sessionCompleted(stripe.complete(session.id)))
    await drainQueue(aula.payload)
    const response = await aula.api.post(`/payments/${payment.id}/refund`, { amount: 10 }, { token: admin.token })
    expect(response.status).toBeLessThan(300)
    const rows = await notificationsOf('refund_requested', { collection: 'payments', id: payment.id })
    expect(recipientsOf(rows)).toEqual(sorted(admin, adminEn, salesEs, salesEn))
    expect(forUser(rows, salesEn)[0].title).toBe(`Refund requested for payment #${payment.id}`)
    expect(forUser(rows, salesEs)[0].body).toBe('Se pidió devolver 10.00 USD; el pago muestra el motivo y cómo va.')
  })
})

describe('emails', () => {
  async function failForGood() {
    await drainQueue(aula.payload)
    const { emailLogId } = await queueTestEmail(aula.payload, { to: { email: uniqueAddress('falla') } })
    smtp.failNext(EMAIL_MAX_ATTEMPTS)
    await drainQueue(aula.payload)
    for (let attempt = 2; attempt <= EMAIL_MAX_ATTEMPTS; attempt += 1) {
      const [job] = await pendingJobFor(aula.payload, emailLogId)
      await aula.payload.jobs.runByID({ id: job.id, silent: true })
    }
    expect((await aula.payload.findByID({ collection: 'email-log', id: emailLogId, depth: 0, overrideAccess: true })).status).toBe('failed')
    return emailLogId
  }

  it('an email that fails its last attempt tells admins, at most once an hour', async () => {
    clock.set('2030-01-20T10:05:00.000Z')
    const first = await failForGood()
    let rows = await notificationsOf('emails_failing')
    expect(recipientsOf(rows)).toEqual(sorted(admin, adminEn))
    expect(forUser(rows, admin)[0]).toMatchObject({ title: 'Hay correos que no se pudieron enviar', link: '/admin/collections/email-log?where[status][equals]=failed' })
    expect(forUser(rows, admin)[0].body).toContain(`El correo #${first}`)
    expect(forUser(rows, adminEn)[0].title).toBe('Some emails could not be sent')

    clock.set('2030-01-20T10:45:00.000Z')
    await failForGood()
    expect(await notificationsOf('emails_failing')).toHaveLength(2)

    clock.set('2030-01-20T11:01:00.000Z')
    await failForGood()
    rows = await notificationsOf('emails_failing')
    expect(rows).toHaveLength(4)
  })
})
