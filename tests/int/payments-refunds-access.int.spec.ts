import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { TestAula } from '../helpers/aula'
import { drainQueue } from '../helpers/email'
import { createWebinar } from '../helpers/catalog'
import { ManualClock } from '../helpers/manualClock'
import { chargeRefunded, deliver, sessionCompleted } from '../helpers/stripeEvents'
import type { StripeStandIn } from '../helpers/stripeStandIn'
import { startAulaWithStripe, stopAulaWithStripe } from '../helpers/aulaWithStripe'

let aula: TestAula
let stripe: StripeStandIn
const clock = new ManualClock('2030-01-10T12:00:00.000Z')
type Caller = { id: number; email: string; token: string }
let admin: Caller, editor: Caller, sales: Caller, instructor: Caller, owner: Caller, stranger: Caller
let paymentId: number
let enrollmentId: number
let webinarId: number

beforeAll(async () => {
  ;({ aula, stripe } = await startAulaWithStripe({ clock }))
  ;[admin, editor, sales, instructor, owner, stranger] = await Promise.all([
    aula.createUser(['admin']),
    aula.createUser(['editor']),
    aula.createUser(['sales']),
    aula.createUser(['instructor']),
    aula.createUser(['student']),
    aula.createUser(['student']),
  ])
  const webinar = await createWebinar(aula.payload, { isFree: false, price: 80, currency: 'USD', capacity: 1 })
  webinarId = webinar.id
  const { body } = await aula.api.post(`/webinars/${webinar.id}/register`, undefined, { token: owner.token })
  enrollmentId = body.doc.id
  const session = stripe.complete(body.doc.checkoutUrl.split('/').pop())
  await deliver(aula.api, sessionCompleted(session))
  await drainQueue(aula.payload)
  const { docs } = await aula.payload.find({ collection: 'payments', where: { enrollment: { equals: enrollmentId } }, overrideAccess: true, depth: 0 })
  paymentId = docs[0].id
})

afterAll(() => stopAulaWithStripe(aula, stripe))

describe('who reads payments', () => {
  const rest = async (caller?: Caller) => {
    const list = await aula.api.get('/payments', { token: caller?.token })
    const one = await aula.api.get(`/payments/${paymentId}`, { token: caller?.token })
    return { listed: list.status === 200 ? list.body.docs.map((doc: { id: number }) => doc.id) : [], one: one.status }
  }
  const graphql = async (caller?: Caller) => {
    const response = await aula.api.graphql(`query ($id: Int!) { Payments { docs { id status } } Payment(id: $id) { id amount } }`, { id: paymentId }, caller?.token)
    return { listed: (response.body.data?.Payments?.docs ?? []).map((doc: { id: number }) => doc.id), one: response.body.data?.Payment?.id ?? null }
  }

  it.each([
    ['admin', () => admin],
    ['editor', () => editor],
    ['sales', () => sales],
  ])('%s reads every payment (REST and GraphQL)', async (_, who) => {
    expect(await rest(who())).toEqual({ listed: [paymentId], one: 200 })
    expect(await graphql(who())).toEqual({ listed: [paymentId], one: paymentId })
  })

  it('the student who paid reads their own payment', async () => {
    expect(await rest(owner)).toEqual({ listed: [paymentId], one: 200 })
    expect(await graphql(owner)).toEqual({ listed: [paymentId], one: paymentId })
  })

  it.each([
    ['another student', () => stranger],
    ['an instructor', () => instructor],
  ])('%s reads none', async (_, who) => {
    expect(await rest(who())).toEqual({ listed: [], one: 404 })
    expect(await graphql(who())).toEqual({ listed: [], one: null })
  })

  it('anonymous callers read nothing, through REST or GraphQL', async () => {
    const list = await aula.api.get('/payments')
    expect(list.status).toBe(403)
    expect((await aula.api.get(`/payments/${paymentId}`)).status).toBe(403)
    expect(await graphql()).toEqual({ listed: [], one: null })
  })

  it('nobody creates, edits the money of, or deletes a payment through the API', async () => {
    expect((await aula.api.post('/payments', { enrollment: enrollmentId, amount: 1, currency: 'USD' }, { token: admin.token })).status).toBe(403)
    expect((await aula.api.patch(`/payments/${paymentId}`, { amount: 1 }, { token: owner.token })).status).toBe(403)
    const edited = await aula.api.patch(`/payments/${paymentId}`, { amount: 1, status: 'refunded', needsReview: true }, { token: admin.token })
    expect(edited.status).toBe(200)
    expect(edited.body.doc).toMatchObject({ amount: 80, status: 'succeeded', needsReview: true })
    expect((await aula.api.delete(`/payments/${paymentId}`, { token: admin.token })).status).toBe(403)
  })

  it('only admins read Stripe events', async () => {
    expect((await aula.api.get('/stripe-events', { token: admin.token })).body.totalDocs).toBeGreaterThan(0)
    expect((await aula.api.get('/stripe-events', { token: editor.token })).status).toBe(403)
    expect((await aula.api.get('/stripe-events')).status).toBe(403)
    const response = await aula.api.graphql(`{ StripeEvents { docs { eventId } } }`, {}, sales.token)
    expect(response.body.data?.StripeEvents ?? null).toBeNull()
  })
})

describe('exporting payments', () => {
  it('staff download the payments as CSV with the caller’s access; another student gets an empty sheet, anonymous 401', async () => {
    const csv = await aula.api.get('/payments/export.csv?locale=en', { token: sales.token })
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toContain('text/csv')
    const lines = csv.text.trim().split('\r\n')
    expect(lines[0]).toBe('ID,Enrollment,Person,Status,Payment method,Reference,Amount,Currency,Received on,Refunded,Seats,Needs review,PaymentIntent,Created at (Lima time),Refund requested at (Lima time)')
    expect(lines).toHaveLength(2)
    // Values as the admin reads them: who paid by email, the status label, nothing refunded, one seat, Yes/No (an earlier test lets an admin flag it).
    expect(lines[1].startsWith(`${paymentId},${enrollmentId},${owner.email},Succeeded,Card (Stripe),,80,USD,,0,1,`)).toBe(true)
    expect(lines[1].split(',')[11]).toMatch(/^(Yes|No)$/)

    const strangers = await aula.api.get('/payments/export.csv?locale=en', { token: stranger.token })
    expect(strangers.text.trim().split('\r\n')).toHaveLength(1)
    expect((await aula.api.get('/payments/export.csv')).status).toBe(401)
  })
})

describe('staff refunds', () => {
  it('a non-admin gets 403 and Stripe is not called; anonymous gets 401', async () => {
    const before = stripe.callsTo('POST', '/v1/refunds').length
    for (const caller of [editor, sales, owner]) {
      expect((await aula.api.post(`/payments/${paymentId}/refund`, undefined, { token: caller.token })).status).toBe(403)
    }
    expect((await aula.api.post(`/payments/${paymentId}/refund`)).status).toBe(401)
    expect(stripe.callsTo('POST', '/v1/refunds').length).toBe(before)
  })

  it('an admin refund calls Stripe; the charge.refunded webhook then refunds the enrollment and frees the seat', async () => {
    const response = await aula.api.post(`/payments/${paymentId}/refund`, undefined, { token: admin.token })
    expect(response.status).toBe(202)
    const [call] = stripe.callsTo('POST', '/v1/refunds')
    const payment = await aula.payload.findByID({ collection: 'payments', id: paymentId, overrideAccess: true, depth: 0 })
    expect(call).toMatchObject({ body: { payment_intent: payment.paymentIntentId }, idempotencyKey: `aula-refund-${paymentId}-1` })
    expect(payment).toMatchObject({ status: 'succeeded', refundRequestedAt: expect.any(String) })

    const session = [...stripe.sessions.values()].find((entry) => entry.payment_intent === payment.paymentIntentId)!
    await deliver(aula.api, chargeRefunded(session, payment.paymentIntentId!))
    await drainQueue(aula.payload)
    expect((await aula.payload.findByID({ collection: 'payments', id: paymentId, overrideAccess: true })).status).toBe('refunded')
    expect(await aula.payload.findByID({ collection: 'enrollments', id: enrollmentId, overrideAccess: true, depth: 0 })).toMatchObject({ status: 'refunded', paymentStatus: 'refunded' })
    expect((await aula.api.get(`/webinars/${webinarId}`)).body.seatsLeft).toBe(1)
  })

  it('refuses to refund a payment that has not succeeded (409)', async () => {
    const response = await aula.api.post(`/payments/${paymentId}/refund`, undefined, { token: admin.token })
    expect(response.status).toBe(409)
  })

  it('a partial refund leaves the enrollment alone and flags the payment for staff', async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 10, capacity: 3 })
    const { body } = await aula.api.post(`/webinars/${webinar.id}/register`, undefined, { token: stranger.token })
    const session = stripe.complete(body.doc.checkoutUrl.split('/').pop())
    await deliver(aula.api, sessionCompleted(session))
    await deliver(aula.api, chargeRefunded(session, session.payment_intent!, false))
    await drainQueue(aula.payload)
    const { docs } = await aula.payload.find({ collection: 'payments', where: { enrollment: { equals: body.doc.id } }, overrideAccess: true })
    expect(docs[0]).toMatchObject({ status: 'succeeded', needsReview: true, reviewReason: expect.stringMatching(/Partial refund/) })
    expect((await aula.payload.findByID({ collection: 'enrollments', id: body.doc.id, overrideAccess: true })).status).toBe('confirmed')
  })
})
