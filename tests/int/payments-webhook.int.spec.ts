import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { TestAula } from '../helpers/aula'
import { drainQueue } from '../helpers/email'
import { createWebinar } from '../helpers/catalog'
import { ManualClock } from '../helpers/manualClock'
import { chargeRefunded, deliver, paymentFailed, sessionCompleted, stripeEvent, WEBHOOK_SECRET } from '../helpers/stripeEvents'
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
  return { email: `webhook${person}-${Date.now()}@example.com`, firstName: 'Jorge', lastName: `Díaz ${person}` }
}

/** A paid registration waiting for payment, with its stand-in session. */
async function pendingRegistration(overrides: Record<string, unknown> = {}) {
  const webinar = await createWebinar(aula.payload, { isFree: false, price: 40, currency: 'USD', capacity: 2, ...overrides })
  const { body } = await aula.api.post(`/webinars/${webinar.id}/register`, someone())
  const session = stripe.sessions.get(body.doc.checkoutUrl.split('/').pop())!
  return { webinar, enrollmentId: body.doc.id as number, session }
}
const enrollment = (id: number) => aula.payload.findByID({ collection: 'enrollments', id, overrideAccess: true, depth: 0 })
const paymentOf = async (enrollmentId: number) =>
  (await aula.payload.find({ collection: 'payments', where: { enrollment: { equals: enrollmentId } }, overrideAccess: true, depth: 0 })).docs[0]
const eventCount = async () => (await aula.payload.count({ collection: 'stripe-events', overrideAccess: true })).totalDocs
const seatsLeft = async (id: number) => (await aula.api.get(`/webinars/${id}`)).body.seatsLeft

describe('the Stripe webhook', () => {
  it('refuses a bad signature with 400 and changes nothing', async () => {
    const { enrollmentId, session } = await pendingRegistration()
    const before = await eventCount()
    const forged = await deliver(aula.api, sessionCompleted(stripe.complete(session.id)), { secret: 'whsec_someone_else' })
    expect(forged.status).toBe(400)
    expect(forged.body.errors[0].message).toMatch(/signature/i)
    const garbage = await deliver(aula.api, sessionCompleted(session), { signature: 't=1,v1=deadbeef' })
    expect(garbage.status).toBe(400)
    await drainQueue(aula.payload)
    expect(await eventCount()).toBe(before)
    expect((await enrollment(enrollmentId)).status).toBe('pending_payment')
  })

  it('refuses a request without the Stripe-Signature header with 400', async () => {
    const { session } = await pendingRegistration()
    const before = await eventCount()
    const response = await deliver(aula.api, sessionCompleted(session), { signature: null })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].message).toMatch(/Stripe-Signature header is missing/)
    expect(await eventCount()).toBe(before)
  })

  it('verifies the signature over the exact bytes Stripe sent', async () => {
    const { session } = await pendingRegistration()
    const event = sessionCompleted(stripe.complete(session.id))
    const reformatted = JSON.stringify(event, null, 2)
    const signed = await deliver(aula.api, event)
    expect(signed.status).toBe(200)
    // Same JSON, different bytes: the signature no longer matches.
    const header = (await import('stripe')).default.webhooks.generateTestHeaderString({ payload: JSON.stringify(event), secret: WEBHOOK_SECRET })
    const tampered = await aula.api.post('/stripe/webhooks', reformatted, { headers: { 'stripe-signature': header } })
    expect(tampered.status).toBe(400)
  })

  it('records a replayed event once: ten deliveries, one state change', async () => {
    const { webinar, enrollmentId, session } = await pendingRegistration()
    const event = sessionCompleted(stripe.complete(session.id))
    const before = await eventCount()
    const responses = await Promise.all(Array.from({ length: 10 }, () => deliver(aula.api, event)))
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200))
    expect(responses.filter((response) => response.body.duplicate === false)).toHaveLength(1)
    await drainQueue(aula.payload)
    for (let i = 0; i < 3; i += 1) expect((await deliver(aula.api, event)).body.duplicate).toBe(true)
    await drainQueue(aula.payload)
    expect(await eventCount()).toBe(before + 1)
    expect(await enrollment(enrollmentId)).toMatchObject({ status: 'confirmed', paymentStatus: 'paid' })
    const payment = await paymentOf(enrollmentId)
    expect(payment.stripeEvents?.map((entry) => entry.eventId)).toEqual([event.id])
    expect(await seatsLeft(webinar.id)).toBe(1)
    const [record] = (await aula.payload.find({ collection: 'stripe-events', where: { eventId: { equals: event.id } }, overrideAccess: true })).docs
    expect(record).toMatchObject({ status: 'processed', type: 'checkout.session.completed', processedAt: expect.any(String) })
  })

  it('a refund that arrives before the completion ends refunded, with the seat freed', async () => {
    const { webinar, enrollmentId, session } = await pendingRegistration()
    const paid = stripe.complete(session.id)
    await deliver(aula.api, chargeRefunded(paid, paid.payment_intent!))
    await drainQueue(aula.payload)
    await deliver(aula.api, sessionCompleted(paid))
    await drainQueue(aula.payload)
    expect((await paymentOf(enrollmentId)).status).toBe('refunded')
    expect(await enrollment(enrollmentId)).toMatchObject({ status: 'refunded', paymentStatus: 'refunded' })
    expect(await seatsLeft(webinar.id)).toBe(2)
  })

  it('a completion followed by a refund ends refunded and gives the seat to the waiting list', async () => {
    const { webinar, enrollmentId, session } = await pendingRegistration({ capacity: 1 })
    const waiting = await aula.api.post(`/webinars/${webinar.id}/register`, someone())
    expect(waiting.body.doc.status).toBe('waitlisted')
    const paid = stripe.complete(session.id)
    await deliver(aula.api, sessionCompleted(paid))
    await drainQueue(aula.payload)
    expect((await enrollment(enrollmentId)).status).toBe('confirmed')
    await deliver(aula.api, chargeRefunded(paid, paid.payment_intent!))
    await drainQueue(aula.payload)
    expect(await enrollment(enrollmentId)).toMatchObject({ status: 'refunded', paymentStatus: 'refunded' })
    expect((await enrollment(waiting.body.doc.id)).status).toBe('pending_payment')
  })

  it('never confirms a payment whose amount or currency does not match: it is flagged for staff', async () => {
    const { enrollmentId, session } = await pendingRegistration()
    const paid = stripe.complete(session.id)
    await deliver(aula.api, sessionCompleted(paid, { amount_total: 100 }))
    await drainQueue(aula.payload)
    const other = await pendingRegistration()
    await deliver(aula.api, sessionCompleted(stripe.complete(other.session.id), { currency: 'eur' }))
    await drainQueue(aula.payload)
    for (const id of [enrollmentId, other.enrollmentId]) {
      expect((await enrollment(id)).status).toBe('pending_payment')
      const payment = await paymentOf(id)
      expect(payment).toMatchObject({ status: 'pending', needsReview: true, reviewReason: expect.stringMatching(/Not confirmed/) })
    }
  })

  it('a failed payment marks it failed and keeps the seat held so the buyer can retry', async () => {
    const { webinar, enrollmentId, session } = await pendingRegistration()
    await deliver(aula.api, paymentFailed(session))
    await drainQueue(aula.payload)
    expect(await paymentOf(enrollmentId)).toMatchObject({ status: 'failed', failureMessage: 'Your card was declined.' })
    expect(await enrollment(enrollmentId)).toMatchObject({ status: 'pending_payment', paymentStatus: 'failed' })
    expect(await seatsLeft(webinar.id)).toBe(1)
    await deliver(aula.api, sessionCompleted(stripe.complete(session.id)))
    await drainQueue(aula.payload)
    expect(await enrollment(enrollmentId)).toMatchObject({ status: 'confirmed', paymentStatus: 'paid' })
  })

  it('records events it does not handle as ignored', async () => {
    const event = stripeEvent('customer.created', { id: 'cus_test_1', object: 'customer' })
    expect((await deliver(aula.api, event)).status).toBe(200)
    await drainQueue(aula.payload)
    const [record] = (await aula.payload.find({ collection: 'stripe-events', where: { eventId: { equals: event.id } }, overrideAccess: true })).docs
    expect(record.status).toBe('ignored')
  })
})
