import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { ParsedMail } from 'mailparser'

import { seedEmailTemplates } from '../../src/seed/emailTemplates'
import type { TestAula } from '../helpers/aula'
import { startAulaWithStripe, stopAulaWithStripe } from '../helpers/aulaWithStripe'
import { createCourse, createWebinar, errorPaths } from '../helpers/catalog'
import { drainQueue } from '../helpers/email'
import { ManualClock } from '../helpers/manualClock'
import { SmtpSink } from '../helpers/smtpSink'
import { chargeRefunded, deliver, sessionCompleted } from '../helpers/stripeEvents'
import type { StandInSession, StripeStandIn } from '../helpers/stripeStandIn'

let aula: TestAula
let stripe: StripeStandIn
const smtp = new SmtpSink()
const clock = new ManualClock('2030-01-10T12:00:00.000Z')
type Caller = { id: number; email: string; token: string }
let editor: Caller

beforeAll(async () => {
  await smtp.start()
  ;({ aula, stripe } = await startAulaWithStripe({ clock, smtpTransport: smtp.transport }))
  await seedEmailTemplates(aula.payload)
  editor = await aula.createUser(['editor'])
})

afterAll(async () => {
  await stopAulaWithStripe(aula, stripe)
  await smtp.stop()
})

let counter = 0
const someone = () => ({ email: `cancelacion${(counter += 1)}-${Date.now()}@example.com`, firstName: 'Rosa', lastName: `Quispe ${counter}` })
type Collection = 'courses' | 'webinars'
const registerPath = (collection: Collection, id: number) => `/${collection}/${id}/${collection === 'courses' ? 'enroll' : 'register'}`

/** Registers a new person; returns their enrollment id, email and (for a paid seat) the Checkout Session. */
async function register(collection: Collection, id: number) {
  const person = someone()
  const response = await aula.api.post(registerPath(collection, id), person)
  expect(response.status).toBe(201)
  const sessionId = response.body.doc.checkoutUrl?.split('/').pop()
  return { id: response.body.doc.id as number, email: person.email, session: sessionId ? stripe.sessions.get(sessionId) : undefined }
}

/** Pays a registration's Checkout Session through the signed webhook, as a buyer finishing Checkout would. */
async function pay(session: StandInSession | undefined) {
  expect(session).toBeTruthy()
  expect((await deliver(aula.api, sessionCompleted(stripe.complete(session!.id)))).status).toBe(200)
  await drainQueue(aula.payload)
}

const enrollment = (id: number) => aula.payload.findByID({ collection: 'enrollments', id, overrideAccess: true, depth: 0 })
const paymentOf = async (enrollmentId: number) =>
  (await aula.payload.find({ collection: 'payments', where: { enrollment: { equals: enrollmentId } }, overrideAccess: true, depth: 0 })).docs[0]
const item = (collection: Collection, id: number) => aula.payload.findByID({ collection, id, overrideAccess: true, depth: 0 }) as Promise<{ status: string; seatsTaken?: number | null }>
const logRows = (email: string) =>
  aula.payload.find({ collection: 'email-log', where: { to: { equals: email.toLowerCase() } }, pagination: false, overrideAccess: true, depth: 0 }).then((result) => result.docs)
const calendarOf = (mail: ParsedMail) => mail.attachments.find((attachment) => attachment.contentType.startsWith('text/calendar'))?.content.toString() ?? ''
const pendingJobs = (task: string) =>
  aula.payload
    .find({ collection: 'payload-jobs', where: { and: [{ taskSlug: { equals: task } }, { completedAt: { exists: false } }] }, pagination: false, overrideAccess: true, depth: 0 })
    .then((result) => result.docs)

const preview = (collection: Collection, id: number, token = editor.token) => aula.api.get(`/${collection}/${id}/cancellation`, { token })
const cancel = (collection: Collection, id: number, body: unknown, token = editor.token) => aula.api.post(`/${collection}/${id}/cancel`, body, { token })

/**
 * A paid course with one person of every kind: confirmed for free (enrolled while the course was
 * free), confirmed and paid in PEN, confirmed and paid in USD (the price changed currency), pending
 * payment (an open Checkout Session) and waitlisted (the course is full).
 */
async function courseWithEveryKindOfEnrollment(title: string) {
  const course = await createCourse(aula.payload, { title, regularPrice: 0, capacity: 4 })
  const free = await register('courses', course.id)
  await aula.payload.update({ collection: 'courses', id: course.id, data: { regularPrice: 120, currency: 'PEN' }, overrideAccess: true })
  const paidPen = await register('courses', course.id)
  await pay(paidPen.session)
  await aula.payload.update({ collection: 'courses', id: course.id, data: { regularPrice: 50, currency: 'USD' }, overrideAccess: true })
  const paidUsd = await register('courses', course.id)
  await pay(paidUsd.session)
  const pending = await register('courses', course.id)
  const waitlisted = await register('courses', course.id)
  await drainQueue(aula.payload)
  return { course, free, paidPen, paidUsd, pending, waitlisted }
}

describe('cancelling a course with people of every kind enrolled', () => {
  let setup: Awaited<ReturnType<typeof courseWithEveryKindOfEnrollment>>
  const everyone = () => [setup.free, setup.paidPen, setup.paidUsd, setup.pending, setup.waitlisted]

  beforeAll(async () => {
    setup = await courseWithEveryKindOfEnrollment('Liderazgo de equipos')
    expect((await enrollment(setup.pending.id)).status).toBe('pending_payment')
    expect((await enrollment(setup.waitlisted.id)).status).toBe('waitlisted')
  })

  it('the preview tells staff how many people of each kind and how much money per currency goes back', async () => {
    const response = await preview('courses', setup.course.id)
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({
      status: 'published',
      people: { confirmed: 3, pending_payment: 1, waitlisted: 1, total: 5 },
      refunds: { count: 2, amounts: [{ currency: 'PEN', amount: 120 }, { currency: 'USD', amount: 50 }] },
    })
    expect(response.body.summary).toBe(
      'Se cancelarán 5 inscripciones (3 confirmadas, 1 pendientes de pago, 1 en lista de espera) y se reembolsarán 2 pagos: PEN 120.00 + USD 50.00.',
    )
  })

  it('an editor saving status "cancelled" over REST is refused on `status` and nothing is written', async () => {
    const response = await aula.api.patch(`/courses/${setup.course.id}`, { status: 'cancelled' }, { token: editor.token })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toEqual(['status'])
    expect(response.text).toContain('Cancelar curso')
    expect((await item('courses', setup.course.id)).status).toBe('published')
    expect((await enrollment(setup.paidPen.id)).status).toBe('confirmed')
    expect(await pendingJobs('cancelItemEnrollments')).toEqual([])
  })

  it('the same status change through GraphQL is refused too', async () => {
    const response = await aula.api.graphql(`mutation { updateCourse(id: ${setup.course.id}, data: { status: cancelled }) { id status } }`, {}, editor.token)
    expect(response.body.data?.updateCourse ?? null).toBeNull()
    expect(JSON.stringify(response.body.errors)).toContain('status')
    expect((await item('courses', setup.course.id)).status).toBe('published')
  })

  it('a confirmation with a missing reason or numbers that are not numbers is a 400 naming the field', async () => {
    const noReason = await cancel('courses', setup.course.id, { confirm: { people: 5, refunds: 2 } })
    expect(noReason.status).toBe(400)
    expect(errorPaths(noReason.body)).toEqual(['reason'])
    const badNumbers = await cancel('courses', setup.course.id, { reason: 'x', confirm: { people: 'cinco', refunds: -1 } })
    expect(badNumbers.status).toBe(400)
    expect(errorPaths(badNumbers.body)).toEqual(['confirm.people', 'confirm.refunds'])
    const notJson = await aula.api.request('POST', `/courses/${setup.course.id}/cancel`, { body: '{nope', token: editor.token })
    expect(notJson.status).toBe(400)
    expect((await item('courses', setup.course.id)).status).toBe('published')
  })

  it('confirming numbers that are no longer true is a 409 with the fresh numbers, and nothing changes', async () => {
    const response = await cancel('courses', setup.course.id, { reason: 'El docente no puede dictarlo.', confirm: { people: 4, refunds: 2 } })
    expect(response.status).toBe(409)
    expect(response.body.people).toEqual({ confirmed: 3, pending_payment: 1, waitlisted: 1, total: 5 })
    expect(response.body.refunds.count).toBe(2)
    expect((await item('courses', setup.course.id)).status).toBe('published')
    expect(await pendingJobs('cancelItemEnrollments')).toEqual([])
  })

  it('confirming cancels the course at once and, through the job queue, everyone’s enrollment: nobody promoted, seats back to zero, every payment refunded once', async () => {
    const response = await cancel('courses', setup.course.id, { reason: 'El docente no puede dictarlo.', confirm: { people: 5, refunds: 2 } })
    expect(response.status).toBe(202)
    expect(response.body.status).toBe('cancelled')
    expect((await item('courses', setup.course.id)).status).toBe('cancelled')
    expect(await pendingJobs('cancelItemEnrollments')).toHaveLength(1)

    await drainQueue(aula.payload)
    for (const person of everyone()) {
      const after = await enrollment(person.id)
      expect(after.status).toBe('cancelled')
      expect(after.cancellationReason).toBe('El docente no puede dictarlo.')
    }
    expect((await item('courses', setup.course.id)).seatsTaken).toBe(0)

    const refunds = stripe.callsTo('POST', '/v1/refunds')
    const paid = [await paymentOf(setup.paidPen.id), await paymentOf(setup.paidUsd.id)]
    expect(refunds.map((call) => call.idempotencyKey).sort()).toEqual(paid.map((payment) => `aula-refund-${payment.id}-1`).sort())
    // The open Checkout Session is closed, so nobody can pay for a seat of a cancelled course.
    expect(stripe.sessions.get(setup.pending.session!.id)?.status).toBe('expired')
    expect((await paymentOf(setup.pending.id)).status).toBe('expired')

    // Running the job again (a retry) changes nothing and refunds nothing twice.
    await aula.payload.jobs.queue({ task: 'cancelItemEnrollments', input: { collection: 'courses', itemId: setup.course.id, reason: 'otra vez' } })
    await drainQueue(aula.payload)
    expect(stripe.callsTo('POST', '/v1/refunds')).toHaveLength(2)
    expect((await enrollment(setup.free.id)).cancellationReason).toBe('El docente no puede dictarlo.')
  })

  it('each person gets one cancellation notice with the reason; those who held a seat get a calendar cancellation; no mail promotes anyone', async () => {
    for (const person of everyone()) {
      const notices = smtp.to(person.email).filter((mail) => mail.subject === 'Tu inscripción en Liderazgo de equipos fue cancelada')
      expect(notices).toHaveLength(1)
      expect(notices[0].html).toContain('El docente no puede dictarlo.')
      expect((await logRows(person.email)).filter((row) => row.status === 'queued')).toEqual([])
      expect((await logRows(person.email)).map((row) => row.templateKey)).not.toContain('waitlist_promoted')
    }
    for (const person of [setup.free, setup.paidPen, setup.paidUsd]) {
      const [notice] = smtp.to(person.email).filter((mail) => /fue cancelada/.test(mail.subject ?? ''))
      expect(calendarOf(notice)).toContain('METHOD:CANCEL')
    }
  })

  it('Stripe’s signed refund events mark both payments and enrollments refunded, with no second notice', async () => {
    for (const person of [setup.paidPen, setup.paidUsd]) {
      const payment = await paymentOf(person.id)
      expect(payment.refundReason).toBe('El docente no puede dictarlo.')
      expect((await deliver(aula.api, chargeRefunded(person.session!, String(payment.paymentIntentId)))).status).toBe(200)
    }
    await drainQueue(aula.payload)
    for (const person of [setup.paidPen, setup.paidUsd]) {
      expect((await paymentOf(person.id)).status).toBe('refunded')
      expect(await enrollment(person.id)).toMatchObject({ status: 'refunded', paymentStatus: 'refunded' })
      expect(smtp.to(person.email).filter((mail) => /fue cancelada/.test(mail.subject ?? ''))).toHaveLength(1)
    }
    expect((await item('courses', setup.course.id)).seatsTaken).toBe(0)
  })

  it('after it ran, the preview shows nobody left and a second confirmation is a 409', async () => {
    const after = await preview('courses', setup.course.id)
    expect(after.body).toMatchObject({ status: 'cancelled', people: { total: 0 }, refunds: { count: 0, amounts: [] } })
    expect((await cancel('courses', setup.course.id, { reason: 'otra vez', confirm: { people: 0, refunds: 0 } })).status).toBe(409)
  })
})

describe('a plain status change with nobody enrolled', () => {
  it('is allowed as before (REST)', async () => {
    const course = await createCourse(aula.payload)
    const response = await aula.api.patch(`/courses/${course.id}`, { status: 'cancelled' }, { token: editor.token })
    expect(response.status).toBe(200)
    expect(response.body.doc.status).toBe('cancelled')
  })
})

describe('an item reopened before the job ran', () => {
  it('keeps its enrollments: the job only ends those of an item that is still cancelled', async () => {
    const course = await createCourse(aula.payload, { regularPrice: 0 })
    const person = await register('courses', course.id)
    expect((await cancel('courses', course.id, { reason: 'Por error', confirm: { people: 1, refunds: 0 } })).status).toBe(202)
    expect((await aula.api.patch(`/courses/${course.id}`, { status: 'published' }, { token: editor.token })).status).toBe(200)
    await drainQueue(aula.payload)
    expect((await enrollment(person.id)).status).toBe('confirmed')
  })
})

describe('cancelling a webinar', () => {
  it('cancels every enrollment, drops the reminders, refunds the paid seat, and keeps the waitlist from moving up', async () => {
    const webinar = await createWebinar(aula.payload, { title: 'Excel para finanzas', isFree: false, price: 80, currency: 'USD', capacity: 2, startsAt: '2030-02-20T00:00:00.000Z' })
    const paid = await register('webinars', webinar.id)
    await pay(paid.session)
    const pending = await register('webinars', webinar.id)
    const waitlisted = await register('webinars', webinar.id)
    await drainQueue(aula.payload)
    expect((await logRows(paid.email)).filter((row) => String(row.templateKey).startsWith('webinar_reminder') && row.status === 'queued').length).toBeGreaterThan(0)

    const plain = await aula.api.patch(`/webinars/${webinar.id}`, { status: 'cancelled' }, { token: editor.token })
    expect(plain.status).toBe(400)
    expect(errorPaths(plain.body)).toEqual(['status'])
    expect(plain.text).toContain('Cancelar webinar')

    const numbers = await preview('webinars', webinar.id)
    expect(numbers.body).toMatchObject({ people: { confirmed: 1, pending_payment: 1, waitlisted: 1, total: 3 }, refunds: { count: 1, amounts: [{ currency: 'USD', amount: 80 }] } })
    const refundsBefore = stripe.callsTo('POST', '/v1/refunds').length
    expect((await cancel('webinars', webinar.id, { reason: 'La ponente enfermó.', confirm: { people: 3, refunds: 1 } })).status).toBe(202)
    await drainQueue(aula.payload)

    for (const person of [paid, pending, waitlisted]) {
      expect((await enrollment(person.id)).status).toBe('cancelled')
      expect(smtp.to(person.email).filter((mail) => mail.subject === 'Tu inscripción en Excel para finanzas fue cancelada')).toHaveLength(1)
      expect((await logRows(person.email)).filter((row) => row.status === 'queued')).toEqual([])
    }
    const reminders = (await logRows(paid.email)).filter((row) => String(row.templateKey).startsWith('webinar_reminder') || row.templateKey === 'webinar_access_15m')
    expect(reminders.length).toBeGreaterThan(0)
    expect(reminders.every((row) => row.status === 'cancelled')).toBe(true)
    expect((await item('webinars', webinar.id)).seatsTaken).toBe(0)
    const refunds = stripe.callsTo('POST', '/v1/refunds').slice(refundsBefore)
    expect(refunds.map((call) => call.idempotencyKey)).toEqual([`aula-refund-${(await paymentOf(paid.id)).id}-1`])
  })
})

describe('a buyer paying at the very moment of the cancellation', () => {
  it('gets the money back, told the cancellation’s reason, and no seat', async () => {
    const webinar = await createWebinar(aula.payload, { title: 'Pago a último segundo', isFree: false, price: 30, currency: 'USD', capacity: 5 })
    const buyer = await register('webinars', webinar.id)
    // The buyer finishes Checkout, but Stripe's event has not reached Aula when staff confirm.
    const session = stripe.complete(buyer.session!.id)
    expect((await cancel('webinars', webinar.id, { reason: 'La sala no está disponible.', confirm: { people: 1, refunds: 0 } })).status).toBe(202)
    await drainQueue(aula.payload)
    expect((await enrollment(buyer.id)).status).toBe('cancelled')

    expect((await deliver(aula.api, sessionCompleted(session))).status).toBe(200)
    await drainQueue(aula.payload)
    const payment = await paymentOf(buyer.id)
    expect(stripe.callsTo('POST', '/v1/refunds').filter((call) => call.idempotencyKey === `aula-refund-${payment.id}-1`)).toHaveLength(1)
    expect(payment.refundReason).toBe('La sala no está disponible.')
    expect((await enrollment(buyer.id)).status).toBe('cancelled')
    expect((await item('webinars', webinar.id)).seatsTaken).toBe(0)
    const told = smtp.to(buyer.email).filter((mail) => /La sala no está disponible\. We are refunding your payment in full\./.test(String(mail.html)))
    expect(told).toHaveLength(1)
  })
})

describe('who may cancel', () => {
  let courseId: number
  let draftId: number
  beforeAll(async () => {
    courseId = (await createCourse(aula.payload, { regularPrice: 0 })).id
    await register('courses', courseId)
    draftId = (await createCourse(aula.payload, { status: 'draft' })).id
  })

  it.each([['sales'], ['instructor'], ['student']] as ['sales' | 'instructor' | 'student'][])('%s is refused (403) on the preview and the confirmation, and nothing changes', async (role) => {
    const caller = await aula.createUser([role])
    expect((await preview('courses', courseId, caller.token)).status).toBe(403)
    expect((await cancel('courses', courseId, { reason: 'no', confirm: { people: 1, refunds: 0 } }, caller.token)).status).toBe(403)
    expect((await item('courses', courseId)).status).toBe('published')
  })

  it('an anonymous caller is asked to log in (401) and nothing changes', async () => {
    expect((await aula.api.get(`/courses/${courseId}/cancellation`)).status).toBe(401)
    expect((await aula.api.post(`/courses/${courseId}/cancel`, { reason: 'no', confirm: { people: 1, refunds: 0 } })).status).toBe(401)
    expect((await item('courses', courseId)).status).toBe('published')
  })

  it('a student cannot even learn that a draft course exists (404), nor can anyone name a malformed id', async () => {
    const student = await aula.createUser(['student'])
    expect((await preview('courses', draftId, student.token)).status).toBe(404)
    expect((await cancel('courses', draftId, { reason: 'no', confirm: { people: 0, refunds: 0 } }, student.token)).status).toBe(404)
    expect((await aula.api.get(`/courses/01/cancellation`, { token: editor.token })).status).toBe(404)
  })

  it('an admin may, like an editor', async () => {
    const admin = await aula.createUser(['admin'])
    expect((await preview('courses', courseId, admin.token)).body.people.total).toBe(1)
  })
})

describe('hundreds of enrollments', () => {
  it('are cancelled in batches of 50 over several job runs, not in the confirming request', async () => {
    const webinar = await createWebinar(aula.payload, { title: 'Webinar masivo', capacity: null })
    const ids: number[] = []
    for (let n = 0; n < 120; n += 1) {
      // The people straight into the table (no password to hash: they never log in); their enrollments through the real hooks.
      const user = await aula.payload.db.create({ collection: 'users', data: { ...someone(), roles: ['student'] } })
      const doc = await aula.payload.create({ collection: 'enrollments', data: { user: user.id, item: { relationTo: 'webinars', value: webinar.id } } as never, overrideAccess: true, depth: 0 })
      ids.push(doc.id)
    }
    expect((await cancel('webinars', webinar.id, { reason: 'Se cancela el evento.', confirm: { people: 120, refunds: 0 } })).status).toBe(202)
    expect((await preview('webinars', webinar.id)).body.people.total).toBe(120)

    const remainingAfterEachRun: number[] = []
    for (let run = 0; run < 10; run += 1) {
      const [job] = await pendingJobs('cancelItemEnrollments')
      if (!job) break
      await aula.payload.jobs.runByID({ id: job.id, silent: true })
      remainingAfterEachRun.push((await preview('webinars', webinar.id)).body.people.total)
    }
    expect(remainingAfterEachRun).toEqual([70, 20, 0])
    const statuses = await aula.payload.find({ collection: 'enrollments', where: { id: { in: ids } }, pagination: false, overrideAccess: true, depth: 0, select: { status: true } })
    expect(new Set(statuses.docs.map((doc) => doc.status))).toEqual(new Set(['cancelled']))
    const notices = await aula.payload.count({ collection: 'email-log', where: { and: [{ templateKey: { equals: 'enrollment_cancelled' } }, { dedupeKey: { in: ids.map((id) => `enrollment_cancelled:${id}`) } }] }, overrideAccess: true })
    expect(notices.totalDocs).toBe(120)
  }, 600_000)
})
