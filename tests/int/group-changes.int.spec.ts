import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { TestAula } from '../helpers/aula'
import { startAulaWithStripe, stopAulaWithStripe } from '../helpers/aulaWithStripe'
import { createCourse, createWebinar, errorPaths } from '../helpers/catalog'
import { drainQueue, drainQueueWithRetries } from '../helpers/email'
import { ManualClock } from '../helpers/manualClock'
import { bookingManageUrl } from '../../src/enrollment/cancelToken'
import { chargeRefundedSoFar, deliver, sessionCompleted } from '../helpers/stripeEvents'
import type { StandInSession, StripeStandIn } from '../helpers/stripeStandIn'

let aula: TestAula
let stripe: StripeStandIn
const clock = new ManualClock('2030-03-02T12:00:00.000Z')
type Caller = { id: number; email: string; token: string }
let admin: Caller

beforeAll(async () => {
  ;({ aula, stripe } = await startAulaWithStripe({ clock }))
  admin = await aula.createUser(['admin'])
})

afterAll(() => stopAulaWithStripe(aula, stripe))

/** One person pays `price` USD for a webinar through Checkout; returns the payment, its session and the enrollment. */
async function paidSeat(price: number) {
  const webinar = await createWebinar(aula.payload, { isFree: false, price, currency: 'USD', capacity: 5 })
  const student = await aula.createUser(['student'])
  const { body } = await aula.api.post(`/webinars/${webinar.id}/register`, undefined, { token: student.token })
  const session = stripe.complete(body.doc.checkoutUrl.split('/').pop())
  await deliver(aula.api, sessionCompleted(session))
  await drainQueue(aula.payload)
  return { payment: await paymentOfEnrollment(body.doc.id), session, enrollmentId: body.doc.id as number, webinarId: webinar.id }
}

async function paymentOfEnrollment(enrollmentId: number) {
  const { docs } = await aula.payload.find({ collection: 'payments', where: { enrollment: { equals: enrollmentId } }, overrideAccess: true, depth: 0 })
  return docs[0]
}

const payment_ = (id: number) => aula.payload.findByID({ collection: 'payments', id, overrideAccess: true, depth: 0 })
const refund = (id: number, body?: unknown, token = admin.token) => aula.api.post(`/payments/${id}/refund`, body, { token })
const refundsAtStripe = (session: StandInSession) => stripe.refunds.filter((entry) => entry.payment_intent === session.payment_intent)

/** Stripe tells Aula what it has refunded so far, as it does after each refund. */
async function stripeReports(session: StandInSession) {
  await deliver(aula.api, chargeRefundedSoFar(session, stripe.refundedOf(session.payment_intent!)))
  await drainQueue(aula.payload)
}

describe('partial refunds staff decide on', () => {
  it('two partial refunds then the rest: each is its own Stripe refund, amountRefunded follows Stripe’s total, the seat stays until all is back', async () => {
    const { payment: paid, session, enrollmentId, webinarId } = await paidSeat(80)

    const first = await refund(paid.id, { amount: 30, reason: 'Un asistente del grupo no vendrá' })
    expect(first.status).toBe(202)
    expect(first.body.refund).toMatchObject({ number: 1, amount: 30 })
    await stripeReports(session)
    expect(await payment_(paid.id)).toMatchObject({ status: 'succeeded', amountRefunded: 30, needsReview: false })

    expect((await refund(paid.id, { amount: 20.5 })).status).toBe(202)
    await stripeReports(session)
    expect(await payment_(paid.id)).toMatchObject({ status: 'succeeded', amountRefunded: 50.5, needsReview: false })
    expect(await aula.payload.findByID({ collection: 'enrollments', id: enrollmentId, overrideAccess: true, depth: 0 })).toMatchObject({ status: 'confirmed', paymentStatus: 'paid' })

    expect((await refund(paid.id, { reason: 'Devolver el resto' })).status).toBe(202)
    expect(refundsAtStripe(session).map((entry) => entry.amount)).toEqual([3000, 2050, 2950])
    expect(stripe.callsTo('POST', '/v1/refunds').slice(-3).map((call) => call.idempotencyKey)).toEqual([1, 2, 3].map((n) => `aula-refund-${paid.id}-${n}`))
    await stripeReports(session)
    const after = await payment_(paid.id)
    expect(after).toMatchObject({ status: 'refunded', amountRefunded: 80, refundReason: 'Devolver el resto' })
    expect(after.refundRequests?.map((row) => [row.number, row.amount, row.status, row.stripeRefundId?.startsWith('re_')])).toEqual([
      [1, 30, 'requested', true],
      [2, 20.5, 'requested', true],
      [3, 29.5, 'requested', true],
    ])
    expect(await aula.payload.findByID({ collection: 'enrollments', id: enrollmentId, overrideAccess: true, depth: 0 })).toMatchObject({ status: 'refunded', paymentStatus: 'refunded' })
    expect((await aula.api.get(`/webinars/${webinarId}`)).body.seatsLeft).toBe(5)
  })

  it('an admin asking back more than is left gets a 400 naming amount, and Stripe is not called', async () => {
    const { payment: paid, session } = await paidSeat(40)
    expect((await refund(paid.id, { amount: 25 })).status).toBe(202)
    const before = stripe.calls.length
    const tooMuch = await refund(paid.id, { amount: 15.01 })
    expect(tooMuch.status).toBe(400)
    expect(errorPaths(tooMuch.body)).toEqual(['amount'])
    expect(tooMuch.body.errors[0].data.errors[0].message).toMatch(/15\.00 USD/)
    expect(stripe.calls.length).toBe(before)
    expect(refundsAtStripe(session).map((entry) => entry.amount)).toEqual([2500])
  })

  it.each([
    ['a negative amount', -5],
    ['zero', 0],
    ['a word', 'diez'],
    ['1e308', 1e308],
    ['a third decimal', 1.005],
    ['an object', { amount: 1 }],
  ])('a refund of %s is a 400 naming amount that writes nothing and calls nobody', async (_, amount) => {
    const { payment: paid } = await paidSeat(20)
    const before = stripe.calls.length
    const response = await refund(paid.id, { amount })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toEqual(['amount'])
    expect(stripe.calls.length).toBe(before)
    expect((await payment_(paid.id)).refundRequests ?? []).toEqual([])
  })

  it('an admin double-clicking "Reembolsar" with the same amount refunds it once', async () => {
    const { payment: paid, session } = await paidSeat(15)
    const answers = await Promise.all([refund(paid.id, { amount: 10 }), refund(paid.id, { amount: 10 })])
    expect(answers.map((answer) => answer.status)).toContain(202)
    for (const answer of answers) expect([202, 400]).toContain(answer.status)
    expect(stripe.refundedOf(session.payment_intent!)).toBe(1000)
  })

  it('a refund Stripe refuses is marked failed, answered 502, and does not count against what is left', async () => {
    const { payment: paid, session } = await paidSeat(12)
    stripe.failing = true
    try {
      expect((await refund(paid.id, { amount: 5 })).status).toBe(502)
    } finally {
      stripe.failing = false
    }
    expect((await payment_(paid.id)).refundRequests?.map((row) => [row.number, row.status])).toEqual([[1, 'failed']])
    expect((await refund(paid.id, { amount: 12 })).status).toBe(202)
    expect(stripe.refundedOf(session.payment_intent!)).toBe(1200)
    expect(stripe.callsTo('POST', '/v1/refunds').at(-1)?.idempotencyKey).toBe(`aula-refund-${paid.id}-2`)
  })

  it('a refund whose answer never came (the network failed) is sent again under the same key when staff retry, so it happens once', async () => {
    const { payment: paid, session } = await paidSeat(18)
    stripe.dropping = true
    try {
      expect((await refund(paid.id, { amount: 8 })).status).toBe(502)
    } finally {
      stripe.dropping = false
    }
    expect((await payment_(paid.id)).refundRequests?.map((row) => [row.number, row.status, row.stripeRefundId ?? null])).toEqual([[1, 'requested', null]])
    expect((await refund(paid.id, { amount: 8 })).status).toBe(202)
    // The SDK's own retries and staff's retry all carry the first request's key.
    expect(new Set(stripe.callsTo('POST', '/v1/refunds').filter((call) => call.body.payment_intent === session.payment_intent).map((call) => call.idempotencyKey))).toEqual(new Set([`aula-refund-${paid.id}-1`]))
    expect(stripe.refundedOf(session.payment_intent!)).toBe(800)
  })

  it('the automatic refund job retried after a network failure resends its refund instead of finding nothing left', async () => {
    const { payment: paid, session } = await paidSeat(21)
    stripe.dropping = true
    try {
      await aula.payload.jobs.queue({ task: 'refundPayment', input: { paymentId: paid.id } })
      await drainQueue(aula.payload)
    } finally {
      stripe.dropping = false
    }
    expect(stripe.refundedOf(session.payment_intent!)).toBe(0)
    await drainQueueWithRetries(aula.payload)
    expect(stripe.refundedOf(session.payment_intent!)).toBe(2100)
    expect((await payment_(paid.id)).refundRequests?.map((row) => [row.number, row.amount, row.stripeRefundId?.startsWith('re_')])).toEqual([[1, 21, true]])
  })

  it('the dashboard’s revenue loses what a partial refund gave back, and keeps the rest', async () => {
    const { revenuePerMonth } = await import('../../src/dashboard/queries/revenuePerMonth')
    // Rows carry the database's own timestamps (today), not the test clock's.
    const usdThisMonth = async () => (await revenuePerMonth(aula.payload, { now: new Date(), timeZone: 'UTC' })).at(-1)?.amounts.USD ?? 0
    const before = await usdThisMonth()
    const { payment: paid, session } = await paidSeat(60)
    expect(await usdThisMonth()).toBe(before + 60)
    expect((await refund(paid.id, { amount: 20 })).status).toBe(202)
    await stripeReports(session)
    expect(await usdThisMonth()).toBe(before + 40)
  })

  it('a payment already refunded in full answers 409', async () => {
    const { payment: paid, session } = await paidSeat(9)
    expect((await refund(paid.id)).status).toBe(202)
    await stripeReports(session)
    expect((await refund(paid.id, { amount: 1 })).status).toBe(409)
  })
})

let counter = 0
const person = (label = 'asistente') => {
  counter += 1
  return { email: `${label}${counter}-${Date.now()}@empresa.pe`, firstName: 'Ana', lastName: `Rojas ${counter}` }
}
const buyer = () => ({ ...person('compras'), company: 'Minera Andina S.A.C.', taxId: '20123456789' })
const enrollment = (id: number) => aula.payload.findByID({ collection: 'enrollments', id, overrideAccess: true, depth: 0 })
const enrollmentsOf = async (bookingId: number) =>
  (await aula.payload.find({ collection: 'enrollments', where: { booking: { equals: bookingId } }, sort: 'id', overrideAccess: true, depth: 0 })).docs
const bookingPayment = async (bookingId: number) =>
  (await aula.payload.find({ collection: 'payments', where: { booking: { equals: bookingId } }, overrideAccess: true, depth: 0 })).docs[0]
const mailsTo = async (to: string, templateKey?: string) =>
  (
    await aula.payload.find({
      collection: 'email-log',
      where: { and: [{ to: { equals: to } }, ...(templateKey ? [{ templateKey: { equals: templateKey } }] : [])] },
      overrideAccess: true,
      depth: 0,
      limit: 100,
    })
  ).docs
const seatsLeft = async (id: number) => (await aula.api.get(`/webinars/${id}`)).body.seatsLeft
const replace = (bookingId: number, body: unknown, token?: string) => aula.api.post(`/bookings/${bookingId}/replace-attendee`, body, { token })

/** A group of `size` booked through the REST endpoint for a `price` USD webinar with `capacity` seats; paid through Checkout unless `pay` is false. */
async function bookedGroup({ size = 3, price = 50, capacity = 3, pay = true } = {}) {
  const webinar = await createWebinar(aula.payload, { isFree: false, price, currency: 'USD', capacity })
  const attendees = Array.from({ length: size }, () => person())
  const payer = buyer()
  const response = await aula.api.post(`/webinars/${webinar.id}/register`, { buyer: payer, attendees })
  expect(response.status).toBe(201)
  const bookingId = response.body.booking.id as number
  let session: StandInSession | undefined
  if (pay) {
    session = stripe.complete(response.body.checkoutUrl.split('/').pop())
    await deliver(aula.api, sessionCompleted(session))
  }
  await drainQueue(aula.payload)
  return { webinarId: webinar.id, bookingId, attendees, payer, session, seats: await enrollmentsOf(bookingId) }
}

describe('replacing an attendee of a paid group', () => {
  it('staff give a seat to someone else: the seat, price and payment move, the waiting list is not offered it, the old person is told, the new one confirmed with calendar and reminders', async () => {
    const group = await bookedGroup()
    const waiting = await aula.createUser(['student'])
    const queued = await aula.api.post(`/webinars/${group.webinarId}/register`, undefined, { token: waiting.token })
    expect(queued.body.doc.status).toBe('waitlisted')
    const [first, second] = group.seats
    const newcomer = person('reemplazo')

    const response = await replace(group.bookingId, { enrollmentId: second.id, attendee: newcomer }, admin.token)
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ replaced: { id: second.id, email: group.attendees[1].email }, enrollment: { status: 'confirmed', email: newcomer.email } })
    const newId = response.body.enrollment.id
    await drainQueue(aula.payload)

    expect(await enrollment(second.id)).toMatchObject({ status: 'cancelled', replacedBy: newId, paymentStatus: 'paid' })
    expect(await enrollment(newId)).toMatchObject({ status: 'confirmed', paymentStatus: 'paid', amount: 50, booking: group.bookingId, replaces: second.id })
    expect(await seatsLeft(group.webinarId)).toBe(0)
    expect((await enrollment(queued.body.doc.id)).status).toBe('waitlisted')
    expect((await bookingPayment(group.bookingId)).enrollment).toBe(first.id)

    const told = await mailsTo(group.attendees[1].email)
    expect(told.filter((mail) => mail.templateKey === 'booking_attendee_replaced')).toHaveLength(1)
    expect(told.filter((mail) => mail.templateKey === 'enrollment_cancelled')).toHaveLength(0)
    expect(JSON.stringify(told.find((mail) => mail.templateKey === 'booking_attendee_replaced')?.attachments)).toMatch(/METHOD:CANCEL/)
    // Reminders planned for the old person are dropped; the new person gets their own.
    expect(told.filter((mail) => String(mail.templateKey).startsWith('webinar_') && mail.status !== 'cancelled')).toHaveLength(0)
    const welcomed = await mailsTo(newcomer.email)
    expect(welcomed.filter((mail) => mail.templateKey === 'enrollment_confirmed')).toHaveLength(1)
    expect(JSON.stringify(welcomed.find((mail) => mail.templateKey === 'enrollment_confirmed')?.attachments)).toMatch(/METHOD:REQUEST/)
    expect(welcomed.filter((mail) => String(mail.templateKey).startsWith('webinar_') && mail.status === 'queued').length).toBeGreaterThan(0)
  })

  it('replacing the first attendee moves the payment’s link; a later full refund ends every current seat and never brings the replaced one back', async () => {
    const group = await bookedGroup({ size: 2, capacity: 5 })
    const [first] = group.seats
    const response = await replace(group.bookingId, { enrollmentId: first.id, attendee: person('reemplazo') }, admin.token)
    expect(response.status).toBe(200)
    const newId = response.body.enrollment.id
    const payment = await bookingPayment(group.bookingId)
    expect(payment.enrollment).toBe(newId)

    expect((await refund(payment.id, { reason: 'La empresa canceló la capacitación' })).status).toBe(202)
    await stripeReports(group.session!)
    expect(await payment_(payment.id)).toMatchObject({ status: 'refunded', amountRefunded: 100 })
    const seats = await enrollmentsOf(group.bookingId)
    expect(seats.map((seat) => [seat.id, seat.status])).toEqual([
      [first.id, 'cancelled'],
      [group.seats[1].id, 'refunded'],
      [newId, 'refunded'],
    ])
    expect(await seatsLeft(group.webinarId)).toBe(5)
    expect(await mailsTo(group.attendees[0].email, 'enrollment_cancelled')).toHaveLength(0)
  })

  it('staff cancel one attendee (one seat back, the waiting list moves up) and refund that seat: a partial refund, the rest of the group untouched', async () => {
    const group = await bookedGroup({ size: 3, capacity: 3, price: 45 })
    const waiting = await aula.createUser(['student'])
    const queued = await aula.api.post(`/webinars/${group.webinarId}/register`, undefined, { token: waiting.token })
    const [, , third] = group.seats
    expect((await aula.api.post(`/enrollments/${third.id}/cancel`, { reason: 'No podrá asistir' }, { token: admin.token })).status).toBe(200)
    expect((await enrollment(queued.body.doc.id)).status).not.toBe('waitlisted')

    const payment = await bookingPayment(group.bookingId)
    const response = await refund(payment.id, { amount: 45, reason: 'Cupo de un asistente cancelado' })
    expect(response.status).toBe(202)
    expect(refundsAtStripe(group.session!).map((entry) => entry.amount)).toEqual([4500])
    await stripeReports(group.session!)
    expect(await payment_(payment.id)).toMatchObject({ status: 'succeeded', amountRefunded: 45, needsReview: false })
    for (const seat of group.seats.slice(0, 2)) expect((await enrollment(seat.id)).status).toBe('confirmed')
  })

  it('an unpaid group: the replacement holds the seat pending payment, and the payment later confirms them, not the replaced person', async () => {
    const group = await bookedGroup({ size: 2, capacity: 4, pay: false })
    const newcomer = person('reemplazo')
    const response = await replace(group.bookingId, { enrollmentId: group.seats[0].id, attendee: newcomer }, admin.token)
    expect(response.body.enrollment.status).toBe('pending_payment')
    await drainQueue(aula.payload)
    expect(await mailsTo(newcomer.email, 'enrollment_confirmed')).toHaveLength(0)

    const payment = await bookingPayment(group.bookingId)
    const session = stripe.complete(payment.checkoutSessionId!)
    await deliver(aula.api, sessionCompleted(session))
    await drainQueue(aula.payload)
    expect((await enrollment(response.body.enrollment.id)).status).toBe('confirmed')
    expect((await enrollment(group.seats[0].id)).status).toBe('cancelled')
    expect((await enrollment(group.seats[1].id)).status).toBe('confirmed')
    expect(await mailsTo(newcomer.email, 'enrollment_confirmed')).toHaveLength(1)
    expect(await mailsTo(group.attendees[0].email, 'enrollment_confirmed')).toHaveLength(0)
    expect(await seatsLeft(group.webinarId)).toBe(2)
  })

  it('the buyer replaces an attendee from the signed link in their confirmation email, in their language', async () => {
    const group = await bookedGroup({ size: 2, capacity: 4 })
    const [confirmation] = await mailsTo(group.payer.email, 'group_booking_confirmed')
    const manageUrl = (confirmation.variables as Record<string, string>).manageUrl
    expect(manageUrl).toBe(bookingManageUrl({ payload: aula.payload }, group.bookingId))
    const url = new URL(manageUrl)
    const page = await aula.api.get(`/bookings/${group.bookingId}/manage${url.search}`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'")
    for (const attendee of group.attendees) expect(page.text).toContain(attendee.email)
    expect(page.text).toContain('Reemplazar')

    const newcomer = person('reemplazo')
    const form = new URLSearchParams({ token: url.searchParams.get('token')!, enrollmentId: String(group.seats[1].id), ...newcomer })
    const done = await aula.api.post(`/bookings/${group.bookingId}/manage`, form.toString(), { headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expect(done.status).toBe(200)
    expect(done.text).toContain(`el cupo de ${group.attendees[1].email} es ahora de ${newcomer.email}`)
    expect((await enrollment(group.seats[1].id)).status).toBe('cancelled')

    const again = await aula.api.post(`/bookings/${group.bookingId}/manage`, form.toString(), { headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expect(again.status).toBe(409)
    expect(again.text).toMatch(/ya no tiene cupo/)
  })
})

describe('replacing an attendee of a course booked by a company', () => {
  it('the session reminders stop for the old person and are planned for the new one; the old calendar loses the course', async () => {
    // Session reminders are queued 48 h ahead (the planner job does later sessions): the first session is tomorrow.
    const course = await createCourse(aula.payload, {
      regularPrice: 0,
      capacity: 5,
      startDate: '2030-03-03T00:00:00.000Z',
      endDate: '2030-04-30T12:00:00.000Z',
      modules: [
        {
          title: 'Fundamentos',
          hours: 6,
          startDate: '2030-03-03T00:00:00.000Z',
          endDate: '2030-03-15T12:00:00.000Z',
          topics: ['Tablas'],
          sessions: [{ date: '2030-03-03T12:00:00.000Z', name: 'Sesión 1', durationHours: 3, meetingLink: 'https://meet.google.com/abc-defg-hij' }, { date: '2030-03-10T12:00:00.000Z', name: 'Sesión 2', durationHours: 3, meetingLink: 'https://meet.google.com/abc-defg-hij' }],
        },
      ],
    })
    const attendees = [person(), person()]
    const booked = await aula.api.post(`/courses/${course.id}/enroll`, { buyer: buyer(), attendees })
    expect(booked.status).toBe(201)
    await drainQueue(aula.payload)
    const [first] = booked.body.enrollments
    const planned = (mails: { templateKey?: string | null; status?: string | null }[]) => mails.filter((mail) => String(mail.templateKey).startsWith('course_session_') && mail.status === 'queued')
    expect(planned(await mailsTo(attendees[0].email)).length).toBeGreaterThan(0)

    const newcomer = person('reemplazo')
    const response = await replace(booked.body.booking.id, { enrollmentId: first.id, attendee: newcomer }, admin.token)
    expect(response.status).toBe(200)
    expect(response.body.enrollment.status).toBe('confirmed')
    await drainQueue(aula.payload)

    const old = await mailsTo(attendees[0].email)
    expect(planned(old)).toHaveLength(0)
    const notice = old.find((mail) => mail.templateKey === 'booking_attendee_replaced')
    expect(JSON.stringify(notice?.attachments)).toMatch(/METHOD:CANCEL/)
    const fresh = await mailsTo(newcomer.email)
    expect(fresh.filter((mail) => mail.templateKey === 'enrollment_confirmed')).toHaveLength(1)
    expect(planned(fresh).length).toBe(planned(await mailsTo(attendees[1].email)).length)
  })
})
