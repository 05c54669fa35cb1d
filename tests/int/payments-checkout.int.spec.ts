import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { TestAula } from '../helpers/aula'
import { drainQueue } from '../helpers/email'
import { createCourse, createWebinar } from '../helpers/catalog'
import { ManualClock } from '../helpers/manualClock'
import { deliver, sessionCompleted } from '../helpers/stripeEvents'
import type { StripeStandIn } from '../helpers/stripeStandIn'
import { startAulaWithStripe, stopAulaWithStripe } from '../helpers/aulaWithStripe'

let aula: TestAula
let stripe: StripeStandIn
const clock = new ManualClock('2030-01-10T12:00:00.000Z')

beforeAll(async () => {
  ;({ aula, stripe } = await startAulaWithStripe({ clock }))
})

afterAll(() => stopAulaWithStripe(aula, stripe))

let person = 0
const someone = () => {
  person += 1
  return { email: `comprador${person}-${Date.now()}@example.com`, firstName: 'Lucía', lastName: `Pérez ${person}` }
}
const seatsLeft = async (collection: 'webinars' | 'courses', id: number) => (await aula.api.get(`/${collection}/${id}`)).body.seatsLeft
const paymentOf = async (enrollmentId: number) =>
  (await aula.payload.find({ collection: 'payments', where: { enrollment: { equals: enrollmentId } }, overrideAccess: true, depth: 0 })).docs[0]

describe('paying for a webinar with Stripe Checkout', () => {
  it('registration holds the seat, records a pending payment and answers with the Checkout URL and hold expiry', async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 49.9, currency: 'USD', capacity: 5 })
    const response = await aula.api.post(`/webinars/${webinar.id}/register`, someone())
    expect(response.status).toBe(201)
    const { doc } = response.body
    expect(doc).toMatchObject({ status: 'pending_payment', paymentStatus: 'pending', amount: 49.9, currency: 'USD' })
    expect(doc.checkoutUrl).toMatch(/^https:\/\/checkout\.stripe\.test\//)
    expect(doc.holdExpiresAt).toBe('2030-01-10T12:30:00.000Z')
    expect(await seatsLeft('webinars', webinar.id)).toBe(4)

    const payment = await paymentOf(doc.id)
    const enrollment = await aula.payload.findByID({ collection: 'enrollments', id: doc.id, overrideAccess: true, depth: 0 })
    expect(payment).toMatchObject({ status: 'pending', amount: 49.9, currency: 'USD', user: enrollment.user, holdExpiresAt: doc.holdExpiresAt })
    const [call] = stripe.callsTo('POST', '/v1/checkout/sessions').filter((c) => c.body['metadata[paymentId]'] === String(payment.id))
    expect(call.body).toMatchObject({
      mode: 'payment',
      'line_items[0][price_data][unit_amount]': '4990',
      'line_items[0][price_data][currency]': 'usd',
      'metadata[enrollmentId]': String(doc.id),
      client_reference_id: String(doc.id),
      success_url: expect.stringContaining('http://localhost:3000/'),
      cancel_url: expect.stringContaining('http://localhost:3000/'),
      expires_at: String(Date.parse('2030-01-10T12:31:00.000Z') / 1000),
    })
    expect(call.idempotencyKey).toBe(`aula-checkout-${payment.id}`)
    expect(payment.checkoutSessionId).toBe(doc.checkoutUrl.split('/').pop())
  })

  it('charges a course the early-bird price before its deadline and the regular price from the deadline on', async () => {
    const course = await createCourse(aula.payload, { regularPrice: 300, earlyBirdPrice: 240, earlyBirdDeadline: '2030-02-01T05:00:00.000Z' })
    try {
      clock.set('2030-02-01T04:59:59.000Z')
      const early = await aula.api.post(`/courses/${course.id}/enroll`, someone())
      expect(early.body.doc).toMatchObject({ status: 'pending_payment', priceTier: 'early_bird', amount: 240, currency: 'PEN', paymentStatus: 'pending' })
      expect(stripe.sessions.get(early.body.doc.checkoutUrl.split('/').pop())).toMatchObject({ amount_total: 24000, currency: 'pen' })
      clock.set('2030-02-01T05:00:00.000Z')
      const regular = await aula.api.post(`/courses/${course.id}/enroll`, someone())
      expect(regular.body.doc).toMatchObject({ priceTier: 'regular', amount: 300 })
      expect(stripe.sessions.get(regular.body.doc.checkoutUrl.split('/').pop())).toMatchObject({ amount_total: 30000 })
    } finally {
      clock.set('2030-01-10T12:00:00.000Z')
    }
  })

  it('sends zero-decimal currencies to Stripe in whole units', async () => {
    const course = await createCourse(aula.payload, { regularPrice: 150000, currency: 'CLP' })
    const response = await aula.api.post(`/courses/${course.id}/enroll`, someone())
    expect(response.status).toBe(201)
    const session = stripe.sessions.get(response.body.doc.checkoutUrl.split('/').pop())!
    expect(session).toMatchObject({ amount_total: 150000, currency: 'clp' })
  })

  it('confirms the enrollment when Stripe reports the completed checkout', async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 20, currency: 'EUR', capacity: 3 })
    const { body } = await aula.api.post(`/webinars/${webinar.id}/register`, someone())
    const session = stripe.complete(body.doc.checkoutUrl.split('/').pop())
    const delivered = await deliver(aula.api, sessionCompleted(session))
    expect(delivered.status).toBe(200)
    await drainQueue(aula.payload)

    const enrollment = await aula.payload.findByID({ collection: 'enrollments', id: body.doc.id, overrideAccess: true, depth: 0 })
    expect(enrollment).toMatchObject({ status: 'confirmed', paymentStatus: 'paid' })
    const payment = await paymentOf(body.doc.id)
    expect(payment).toMatchObject({ status: 'succeeded', paymentIntentId: session.payment_intent })
    expect(payment.stripeEvents).toHaveLength(1)
    expect(await seatsLeft('webinars', webinar.id)).toBe(2)
  })

  it('a retried registration with the same Idempotency-Key returns the same enrollment and Checkout Session', async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 30, capacity: 5 })
    const person = someone()
    const headers = { 'idempotency-key': `pay-retry-${Date.now()}` }
    const before = stripe.callsTo('POST', '/v1/checkout/sessions').length
    const first = await aula.api.post(`/webinars/${webinar.id}/register`, person, { headers })
    const second = await aula.api.post(`/webinars/${webinar.id}/register`, person, { headers })
    expect(first.status).toBe(201)
    expect(second.status).toBe(201)
    expect(second.body.doc.id).toBe(first.body.doc.id)
    expect(second.body.doc.checkoutUrl).toBe(first.body.doc.checkoutUrl)
    expect(stripe.callsTo('POST', '/v1/checkout/sessions').length - before).toBe(1)
    expect(await seatsLeft('webinars', webinar.id)).toBe(4)
  })

  it('someone registering a person whose paid seat is held gets that same seat and Checkout URL, as a retry would, and nothing new is made', async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 35, capacity: 5 })
    const person = someone()
    const first = await aula.api.post(`/webinars/${webinar.id}/register`, person)
    const sessionsBefore = stripe.callsTo('POST', '/v1/checkout/sessions').length
    const paymentsBefore = (await aula.payload.count({ collection: 'payments', overrideAccess: true })).totalDocs
    const again = await aula.api.post(`/webinars/${webinar.id}/register`, person)
    expect(again.status).toBe(201)
    expect(again.headers.get('idempotent-replayed')).toBeNull()
    expect(again.body.message).toBe(first.body.message)
    expect(again.body.doc).toEqual(first.body.doc)
    expect(stripe.callsTo('POST', '/v1/checkout/sessions').length).toBe(sessionsBefore)
    expect((await aula.payload.count({ collection: 'payments', overrideAccess: true })).totalDocs).toBe(paymentsBefore)
    expect(await seatsLeft('webinars', webinar.id)).toBe(4)
  })

  it('someone registering a person who already paid gets a 201 for their confirmed seat with no Checkout URL, and nobody is charged twice', async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 25, capacity: 5 })
    const person = someone()
    const { body } = await aula.api.post(`/webinars/${webinar.id}/register`, person)
    await deliver(aula.api, sessionCompleted(stripe.complete(body.doc.checkoutUrl.split('/').pop())))
    await drainQueue(aula.payload)
    const sessionsBefore = stripe.callsTo('POST', '/v1/checkout/sessions').length
    const again = await aula.api.post(`/webinars/${webinar.id}/register`, person)
    expect(again.status).toBe(201)
    expect(again.body.message).toBe('You are registered.')
    expect(again.body.doc).toMatchObject({ status: 'confirmed', paymentStatus: 'paid' })
    expect(again.body.doc.checkoutUrl).toBeUndefined()
    expect(again.body.doc.user).toBeUndefined()
    expect(stripe.callsTo('POST', '/v1/checkout/sessions').length).toBe(sessionsBefore)
  })

  it('answers registerForWebinar over GraphQL with the Checkout URL and hold expiry', async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 10, capacity: 5 })
    const response = await aula.api.graphql(
      `mutation ($id: Int!, $person: RegistrationPerson) { registerForWebinar(id: $id, person: $person) { id status checkoutUrl holdExpiresAt } }`,
      { id: webinar.id, person: someone() },
    )
    expect(response.body.errors).toBeUndefined()
    expect(response.body.data.registerForWebinar).toMatchObject({ status: 'pending_payment', checkoutUrl: expect.stringMatching(/^https:/), holdExpiresAt: expect.any(String) })
  })

  it('when Stripe is down the registration answers 502 and the seat is free again', async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 25, capacity: 1 })
    stripe.failing = true
    try {
      const response = await aula.api.post(`/webinars/${webinar.id}/register`, someone())
      expect(response.status).toBe(502)
      expect(response.body.errors[0].message).toMatch(/payment provider could not be reached/)
    } finally {
      stripe.failing = false
    }
    expect(await seatsLeft('webinars', webinar.id)).toBe(1)
    const again = await aula.api.post(`/webinars/${webinar.id}/register`, someone())
    expect(again.status).toBe(201)
    expect(again.body.doc.status).toBe('pending_payment')
  })
})
