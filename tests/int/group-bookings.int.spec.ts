import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { TestAula } from '../helpers/aula'
import { startAulaWithStripe, stopAulaWithStripe } from '../helpers/aulaWithStripe'
import { createCourse, createWebinar, errorPaths } from '../helpers/catalog'
import { drainQueue } from '../helpers/email'
import { ManualClock } from '../helpers/manualClock'
import { deliver, sessionCompleted } from '../helpers/stripeEvents'
import type { StripeStandIn } from '../helpers/stripeStandIn'

let aula: TestAula
let stripe: StripeStandIn
const clock = new ManualClock('2030-01-10T12:00:00.000Z')
const MINUTE = 60_000

beforeAll(async () => {
  ;({ aula, stripe } = await startAulaWithStripe({ clock }))
})

afterAll(() => stopAulaWithStripe(aula, stripe))

let counter = 0
const person = (label = 'asistente') => {
  counter += 1
  return { email: `${label}${counter}-${Date.now()}@empresa.pe`, firstName: 'Ana', lastName: `Rojas ${counter}` }
}
const buyer = () => ({ ...person('compras'), company: 'Minera Andina S.A.C.', taxId: '20123456789' })
const group = (size: number) => Array.from({ length: size }, () => person())

const book = (webinarId: number, body: Record<string, unknown>, options: { token?: string; headers?: Record<string, string> } = {}) =>
  aula.api.post(`/webinars/${webinarId}/register`, body, options)
const seatsLeft = async (id: number) => (await aula.api.get(`/webinars/${id}`)).body.seatsLeft
const count = async (collection: 'users' | 'enrollments' | 'bookings' | 'payments') => (await aula.payload.count({ collection, overrideAccess: true })).totalDocs
const everything = async () => ({ users: await count('users'), enrollments: await count('enrollments'), bookings: await count('bookings'), payments: await count('payments') })
const mailsTo = async (to: string, templateKey: string) =>
  (await aula.payload.find({ collection: 'email-log', where: { and: [{ to: { equals: to } }, { templateKey: { equals: templateKey } }] }, overrideAccess: true, depth: 0 })).docs
const bookingPayment = async (bookingId: number) =>
  (await aula.payload.find({ collection: 'payments', where: { booking: { equals: bookingId } }, overrideAccess: true, depth: 0 })).docs[0]
const enrollmentsOf = async (bookingId: number) =>
  (await aula.payload.find({ collection: 'enrollments', where: { booking: { equals: bookingId } }, sort: 'id', overrideAccess: true, depth: 0 })).docs
const runHoldExpiry = async () => {
  await aula.payload.jobs.queue({ task: 'expirePaymentHolds', input: {} })
  await drainQueue(aula.payload)
}

describe('a paid group booking', () => {
  it('holds every seat under one payment, opens one Checkout for N seats, and the webhook confirms all of them', async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 40, currency: 'USD', capacity: 10 })
    const payer = buyer()
    const attendees = group(3)
    const response = await book(webinar.id, { buyer: payer, attendees })
    expect(response.status).toBe(201)
    const { booking, enrollments, checkoutUrl, holdExpiresAt } = response.body
    expect(booking).toMatchObject({ status: 'pending_payment', seats: 3, currency: 'USD', unitListPrice: 40, unitAmount: 40, total: 120, buyerEmail: payer.email, company: payer.company, taxId: payer.taxId })
    expect(enrollments.map((seat: { email: string }) => seat.email)).toEqual(attendees.map((attendee) => attendee.email))
    expect(enrollments.every((seat: { status: string }) => seat.status === 'pending_payment')).toBe(true)
    expect(checkoutUrl).toMatch(/^https:\/\/checkout\.stripe\.test\//)
    expect(holdExpiresAt).toBeTruthy()
    expect(await seatsLeft(webinar.id)).toBe(7)

    const payment = await bookingPayment(booking.id)
    const buyerAccount = (await aula.payload.find({ collection: 'users', where: { email: { equals: payer.email } }, overrideAccess: true, depth: 0 })).docs[0]
    expect(payment).toMatchObject({ status: 'pending', amount: 120, currency: 'USD', seats: 3, user: buyerAccount.id, enrollment: enrollments[0].id })
    const [call] = stripe.callsTo('POST', '/v1/checkout/sessions').filter((c) => c.body['metadata[paymentId]'] === String(payment.id))
    expect(call.body).toMatchObject({ 'line_items[0][quantity]': '3', 'line_items[0][price_data][unit_amount]': '4000', customer_email: payer.email })

    const session = stripe.complete(checkoutUrl.split('/').pop())
    expect((await deliver(aula.api, sessionCompleted(session))).status).toBe(200)
    await drainQueue(aula.payload)

    for (const seat of await enrollmentsOf(booking.id)) expect(seat).toMatchObject({ status: 'confirmed', paymentStatus: 'paid', amount: 40 })
    expect(await aula.payload.findByID({ collection: 'bookings', id: booking.id, overrideAccess: true })).toMatchObject({ status: 'confirmed' })
    expect(await seatsLeft(webinar.id)).toBe(7)
    for (const attendee of attendees) expect(await mailsTo(attendee.email, 'enrollment_confirmed')).toHaveLength(1)
    const [buyerMail] = await mailsTo(payer.email, 'group_booking_confirmed')
    expect(buyerMail).toBeDefined()
    for (const attendee of attendees) expect(JSON.stringify(buyerMail.variables)).toContain(attendee.email)
    // The buyer is not an attendee: no seat of their own, no attendee's confirmation.
    expect(await mailsTo(payer.email, 'enrollment_confirmed')).toHaveLength(0)
    // The receipt names the buyer and their company as booked (buyerOfPayment), not the first attendee.
    const { docs: receipts } = await aula.payload.find({ collection: 'receipts', where: { payment: { equals: payment.id } }, overrideAccess: true, depth: 0 })
    expect(receipts).toHaveLength(1)
    expect(receipts[0]).toMatchObject({ buyerUser: buyerAccount.id, buyer: { email: payer.email, company: payer.company, taxId: payer.taxId, name: `${payer.firstName} ${payer.lastName}` } })
  })

  it('an attendee of an unpaid group registered again by someone is not sent a link to pay the group’s payment', async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 60, currency: 'USD', capacity: 10 })
    const attendees = group(2)
    expect((await book(webinar.id, { buyer: buyer(), attendees })).status).toBe(201)
    for (const attendee of attendees) {
      expect((await book(webinar.id, attendee)).status).toBe(201)
      const [notice] = await mailsTo(attendee.email, 'enrollment_already_registered')
      expect(notice.variables).toMatchObject({ payUrl: '', holdExpiresAt: '' })
    }
  })

  it('an unpaid group hold that runs out frees all N seats at once', async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 25, currency: 'USD', capacity: 4 })
    const { body } = await book(webinar.id, { buyer: buyer(), attendees: group(4) })
    expect(await seatsLeft(webinar.id)).toBe(0)
    clock.advance(46 * MINUTE)
    try {
      await runHoldExpiry()
    } finally {
      clock.set('2030-01-10T12:00:00.000Z')
    }
    const seats = await enrollmentsOf(body.booking.id)
    expect(seats).toHaveLength(4)
    for (const seat of seats) expect(seat.status).toBe('cancelled')
    expect((await bookingPayment(body.booking.id)).status).toBe('expired')
    expect(await aula.payload.findByID({ collection: 'bookings', id: body.booking.id, overrideAccess: true })).toMatchObject({ status: 'expired' })
    expect(await seatsLeft(webinar.id)).toBe(4)
  })

  it('a retry with the same Idempotency-Key gets the same booking and Checkout, and takes no more seats', async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 30, currency: 'USD', capacity: 10 })
    const body = { buyer: buyer(), attendees: group(2) }
    const headers = { 'idempotency-key': `grupo-${Date.now()}` }
    const sessionsBefore = stripe.callsTo('POST', '/v1/checkout/sessions').length
    const first = await book(webinar.id, body, { headers })
    const second = await book(webinar.id, body, { headers })
    expect(second.status).toBe(201)
    expect(second.headers.get('idempotent-replayed')).toBe('true')
    expect(second.body.booking.id).toBe(first.body.booking.id)
    expect(second.body.checkoutUrl).toBe(first.body.checkoutUrl)
    expect(stripe.callsTo('POST', '/v1/checkout/sessions').length - sessionsBefore).toBe(1)
    expect(await seatsLeft(webinar.id)).toBe(8)
    const other = await book(webinar.id, { buyer: buyer(), attendees: group(2) }, { headers })
    expect(other.status).toBe(422)
  })
})

describe('coupons and bank transfers for a group', () => {
  it('a coupon applies per seat, and its use limit counts every seat of the group', async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 50, currency: 'USD', capacity: 20 })
    const code = `EMPRESA${Date.now().toString(36).toUpperCase()}`
    await aula.payload.create({ collection: 'coupons', data: { code, discountType: 'percentage', percentOff: 20, maxRedemptions: 3 } as never, overrideAccess: true })
    const before = await everything()
    const tooMany = await book(webinar.id, { buyer: buyer(), attendees: group(4), couponCode: code.toLowerCase() })
    expect(tooMany.status).toBe(400)
    expect(errorPaths(tooMany.body)).toEqual(['couponCode'])
    expect(await everything()).toEqual(before)

    const { status, body } = await book(webinar.id, { buyer: buyer(), attendees: group(3), couponCode: ` ${code.toLowerCase()} ` })
    expect(status).toBe(201)
    expect(body.booking).toMatchObject({ seats: 3, unitListPrice: 50, unitDiscount: 10, unitAmount: 40, total: 120, couponCode: code })
    for (const seat of await enrollmentsOf(body.booking.id)) expect(seat).toMatchObject({ listPrice: 50, discount: 10, amount: 40, coupon: expect.any(Number) })
    const payment = await bookingPayment(body.booking.id)
    expect(payment).toMatchObject({ amount: 120, seats: 3 })
    const [call] = stripe.callsTo('POST', '/v1/checkout/sessions').filter((c) => c.body['metadata[paymentId]'] === String(payment.id))
    expect(call.body).toMatchObject({ 'line_items[0][quantity]': '3', 'line_items[0][price_data][unit_amount]': '4000' })
    // Used up: a single registration with the code is refused too.
    expect((await book(webinar.id, { ...person(), couponCode: code })).status).toBe(400)
  })

  it('a group paying by bank transfer holds its seats for days; staff recording the money confirm every seat', async () => {
    await aula.payload.updateGlobal({ slug: 'billing-settings', data: { bankTransferDetails: 'Banco de Crédito del Perú, cuenta 193-1234567-0-89', bankTransferHoldDays: 3 } as never, overrideAccess: true })
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 150, currency: 'PEN', capacity: 10, allowBankTransfer: true })
    const payer = buyer()
    const { status, body } = await book(webinar.id, { buyer: payer, attendees: group(2), paymentMethod: 'bank_transfer' })
    expect(status).toBe(201)
    expect(body.checkoutUrl).toBeUndefined()
    expect(body.bankTransfer).toMatchObject({ reference: expect.stringMatching(/^AULA-/), amount: 300, currency: 'PEN' })
    expect(body.booking).toMatchObject({ status: 'pending_payment', paymentMethod: 'bank_transfer', total: 300 })
    expect(new Date(body.holdExpiresAt).getTime()).toBe(clock.now().getTime() + 3 * 24 * 60 * MINUTE)
    expect(await mailsTo(payer.email, 'bank_transfer_instructions')).toHaveLength(1)

    const staff = await aula.createUser(['sales'])
    const payment = await bookingPayment(body.booking.id)
    const recorded = await aula.api.post(`/payments/${payment.id}/record-manual`, { method: 'bank_transfer', reference: `OP-${Date.now()}`, receivedOn: '2030-01-10', amount: 300 }, { token: staff.token })
    expect(recorded.status).toBe(200)
    for (const seat of await enrollmentsOf(body.booking.id)) expect(seat).toMatchObject({ status: 'confirmed', paymentStatus: 'paid' })
    expect(await aula.payload.findByID({ collection: 'bookings', id: body.booking.id, overrideAccess: true })).toMatchObject({ status: 'confirmed' })
    expect(await mailsTo(payer.email, 'group_booking_confirmed')).toHaveLength(1)
  })

  it('bank transfer is refused for a group when the item does not accept it, before anything is written', async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 150, currency: 'PEN', capacity: 10 })
    const before = await everything()
    const response = await book(webinar.id, { buyer: buyer(), attendees: group(2), paymentMethod: 'bank_transfer' })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toEqual(['paymentMethod'])
    expect(await everything()).toEqual(before)
  })
})

describe('all seats or none', () => {
  it('a group larger than the seats left is refused with how many are left, and writes nothing, not even accounts', async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 5 })
    expect((await book(webinar.id, person())).status).toBe(201)
    const before = await everything()
    const response = await book(webinar.id, { buyer: buyer(), attendees: group(5) })
    expect(response.status).toBe(409)
    expect(response.body.errors[0].message).toMatch(/4/)
    expect(response.body.errors[0].data).toMatchObject({ seatsLeft: 4 })
    expect(await everything()).toEqual(before)
    expect(await seatsLeft(webinar.id)).toBe(4)
  })

  it('groups racing single registrations for the last seats: each group gets every seat or none, and the item never overbooks', async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 6 })
    const groups = Array.from({ length: 4 }, () => ({ buyer: buyer(), attendees: group(2) }))
    const singles = Array.from({ length: 4 }, () => person('suelto'))
    const answers = await Promise.all([...groups.map((body) => book(webinar.id, body)), ...singles.map((body) => book(webinar.id, body))])
    const groupAnswers = answers.slice(0, groups.length)
    for (const answer of groupAnswers) expect([201, 409]).toContain(answer.status)
    const bookedGroups = groupAnswers.filter((answer) => answer.status === 201)
    for (const answer of bookedGroups) expect(answer.body.enrollments.map((seat: { status: string }) => seat.status)).toEqual(['confirmed', 'confirmed'])
    const seated = (await aula.payload.find({ collection: 'enrollments', where: { and: [{ 'item.value': { equals: webinar.id } }, { status: { equals: 'confirmed' } }] }, overrideAccess: true, depth: 0, limit: 100 })).docs
    expect(seated).toHaveLength(6)
    const byBooking = new Map<number, number>()
    for (const seat of seated) if (seat.booking) byBooking.set(Number(seat.booking), (byBooking.get(Number(seat.booking)) ?? 0) + 1)
    expect([...byBooking.values()].every((seats) => seats === 2)).toBe(true)
    expect(byBooking.size).toBe(bookedGroups.length)
    // Refused groups left no enrollment behind, not even on the waiting list.
    const waiting = await aula.payload.count({ collection: 'enrollments', where: { and: [{ 'item.value': { equals: webinar.id } }, { booking: { exists: true } }, { status: { not_equals: 'confirmed' } }] }, overrideAccess: true })
    expect(waiting.totalDocs).toBe(0)
    expect(await seatsLeft(webinar.id)).toBe(0)
  })
})

describe('who may be in a group', () => {
  it('the same email twice in one group (in another case) is a 400 naming the repeated attendee, and nothing is written', async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 10 })
    const first = person()
    const before = await everything()
    const response = await book(webinar.id, { buyer: buyer(), attendees: [first, person(), { ...first, email: `  ${first.email.toUpperCase()} ` }] })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toEqual(['attendees.2.email'])
    expect(await everything()).toEqual(before)
  })

  it('someone already enrolled cannot be booked again inside a group: a 409 naming them, and nobody else gets a seat', async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 10 })
    const enrolled = person()
    expect((await book(webinar.id, enrolled)).status).toBe(201)
    const before = await everything()
    const response = await book(webinar.id, { buyer: buyer(), attendees: [person(), enrolled, person()] })
    expect(response.status).toBe(409)
    expect(response.body.errors[0].message).toContain(enrolled.email)
    expect(response.body.errors[0].data).toEqual({ attendees: [enrolled.email] })
    expect(await everything()).toEqual(before)
    expect(await seatsLeft(webinar.id)).toBe(9)
  })

  it('a group larger than the item’s maximum group size is a 400 on attendees', async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 50, maxGroupSize: 3 })
    const before = await everything()
    const response = await book(webinar.id, { buyer: buyer(), attendees: group(4) })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toEqual(['attendees'])
    expect(await everything()).toEqual(before)
    expect((await book(webinar.id, { buyer: buyer(), attendees: group(3) })).status).toBe(201)
  })

  it('an item whose maximum group size is 1 takes no group bookings at all, not even of one person', async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 50, maxGroupSize: 1 })
    const before = await everything()
    const response = await book(webinar.id, { buyer: buyer(), attendees: group(1) })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toEqual(['attendees'])
    expect(await everything()).toEqual(before)
    expect((await book(webinar.id, person())).status).toBe(201)
  })
})

describe('free groups, courses and GraphQL', () => {
  it('bookCourseSeats books a free course for every attendee at once; each gets their own confirmation, the buyer the list', async () => {
    const course = await createCourse(aula.payload, { regularPrice: 0, capacity: 10 })
    const payer = buyer()
    const attendees = group(2)
    const response = await aula.api.graphql(
      'mutation ($id: Int!, $buyer: GroupBuyerInput!, $attendees: [GroupAttendeeInput!]!) { bookCourseSeats(id: $id, buyer: $buyer, attendees: $attendees) { message booking { id status seats total buyerEmail company taxId } enrollments { id status email } checkoutUrl } }',
      { id: course.id, buyer: payer, attendees },
    )
    expect(response.body.errors).toBeUndefined()
    const result = response.body.data!.bookCourseSeats
    expect(result.booking).toMatchObject({ status: 'confirmed', seats: 2, total: 0, buyerEmail: payer.email, company: payer.company, taxId: payer.taxId })
    expect(result.enrollments).toEqual(attendees.map((attendee) => ({ id: expect.any(Number), status: 'confirmed', email: attendee.email })))
    expect(result.checkoutUrl).toBeNull()
    await drainQueue(aula.payload)
    for (const attendee of attendees) expect(await mailsTo(attendee.email, 'enrollment_confirmed')).toHaveLength(1)
    expect(await mailsTo(payer.email, 'group_booking_confirmed')).toHaveLength(1)
  })

  it('bookWebinarSeats answers a full item with the same 409 as REST and writes nothing', async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 1 })
    const before = await everything()
    const response = await aula.api.graphql(
      'mutation ($id: Int!, $buyer: GroupBuyerInput!, $attendees: [GroupAttendeeInput!]!) { bookWebinarSeats(id: $id, buyer: $buyer, attendees: $attendees) { booking { id } } }',
      { id: webinar.id, buyer: buyer(), attendees: group(2) },
    )
    expect(response.body.errors?.[0].message).toMatch(/1/)
    expect(response.body.errors?.[0].extensions?.statusCode).toBe(409)
    expect(await everything()).toEqual(before)
  })
})

describe('who reads a booking', () => {
  it('the buyer reads their own booking; an attendee, another student and anonymous callers do not', async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 10 })
    const payerAccount = await aula.createUser(['student'], { company: 'Textiles del Sur' })
    const attendeeAccount = await aula.createUser(['student'])
    const stranger = await aula.createUser(['student'])
    const { body } = await book(webinar.id, { buyer: { email: payerAccount.email, firstName: 'Carla', lastName: 'Núñez', company: 'Textiles del Sur' }, attendees: [{ email: attendeeAccount.email, firstName: 'Test', lastName: 'Alumno' }, person()] })
    const id = body.booking.id
    const own = await aula.api.get(`/bookings/${id}`, { token: payerAccount.token })
    expect(own.body).toMatchObject({ id, buyerEmail: payerAccount.email })
    // The buyer's view does not open the attendees' enrollments; staff's does.
    expect(own.body.attendees).toBeUndefined()
    expect(own.body.idempotencyKey).toBeUndefined()
    const viaGraphql = await aula.api.graphql('query ($id: Int!) { Booking(id: $id) { id attendees { docs { id } } } }', { id }, payerAccount.token)
    // GraphQL still resolves the join (Payload 3.88 skips the join's field access there), but only through the
    // enrollments' own read access: none of the attendees' enrollments is the buyer's to read.
    expect(viaGraphql.body.data?.Booking?.id).toBe(id)
    expect(viaGraphql.body.data?.Booking?.attendees?.docs ?? []).toEqual([])
    const sales = await aula.createUser(['sales'])
    const staffView = await aula.api.get(`/bookings/${id}`, { token: sales.token })
    expect(staffView.body.attendees.docs.map((doc: { id: number }) => doc.id)).toEqual(body.enrollments.map((seat: { id: number }) => seat.id))
    expect((await aula.api.get(`/bookings/${id}`, { token: attendeeAccount.token })).status).toBe(404)
    expect((await aula.api.get(`/bookings/${id}`, { token: stranger.token })).status).toBe(404)
    expect((await aula.api.get('/bookings', { token: stranger.token })).body.totalDocs).toBe(0)
    expect((await aula.api.get(`/bookings/${id}`)).status).toBe(403)
    // The attendee still reads their own seat.
    const seat = await aula.api.get('/enrollments', { token: attendeeAccount.token })
    expect(seat.body.docs.map((doc: { id: number }) => doc.id)).toEqual([body.enrollments[0].id])
    // Nobody writes a booking through the API, not even an admin.
    const admin = await aula.createUser(['admin'])
    expect((await aula.api.patch(`/bookings/${id}`, { total: 0 }, { token: admin.token })).status).toBe(403)
  })
})
