import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'
import { drainQueue } from '../helpers/email'
import { createWebinar } from '../helpers/catalog'
import { ManualClock } from '../helpers/manualClock'
import { deliver, sessionCompleted, sessionExpired, WEBHOOK_SECRET } from '../helpers/stripeEvents'
import { startStripeStandIn, type StripeStandIn } from '../helpers/stripeStandIn'

let aula: TestAula
let stripe: StripeStandIn
const clock = new ManualClock('2030-01-10T12:00:00.000Z')
const MINUTE = 60_000

beforeAll(async () => {
  stripe = await startStripeStandIn()
  aula = await startTestAula({ clock, paymentHoldMinutes: 45, stripe: { secretKey: 'sk_test_aula', webhookSecret: WEBHOOK_SECRET, apiUrl: stripe.url } })
})

afterAll(async () => {
  await aula?.close()
  await stripe?.stop()
})

let person = 0
const someone = () => {
  person += 1
  return { email: `reserva${person}-${Date.now()}@example.com`, firstName: 'Sofía', lastName: `Vega ${person}` }
}
const enrollment = (id: number) => aula.payload.findByID({ collection: 'enrollments', id, overrideAccess: true, depth: 0 })
const paymentOf = async (enrollmentId: number) =>
  (await aula.payload.find({ collection: 'payments', where: { enrollment: { equals: enrollmentId } }, overrideAccess: true, depth: 0 })).docs[0]
const seatsLeft = async (id: number) => (await aula.api.get(`/webinars/${id}`)).body.seatsLeft
const sessionOf = (doc: { checkoutUrl: string }) => stripe.sessions.get(doc.checkoutUrl.split('/').pop()!)!
/** What the every-minute schedule does: queue the task, and the worker runs it. */
const runHoldExpiry = async () => {
  await aula.payload.jobs.queue({ task: 'expirePaymentHolds', input: {} })
  await drainQueue(aula.payload)
}

describe('payment holds', () => {
  it('the hold lasts PAYMENT_HOLD_MINUTES; when it runs out the session is expired at Stripe, the seat freed and the waiting list promoted', async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 15, capacity: 1 })
    const buyer = await aula.api.post(`/webinars/${webinar.id}/register`, someone())
    expect(buyer.body.doc.holdExpiresAt).toBe(new Date(clock.now().getTime() + 45 * MINUTE).toISOString())
    const waiting = await aula.api.post(`/webinars/${webinar.id}/register`, someone())
    expect(waiting.body.doc.status).toBe('waitlisted')

    clock.advance(44 * MINUTE)
    await runHoldExpiry()
    expect((await enrollment(buyer.body.doc.id)).status).toBe('pending_payment')

    clock.advance(2 * MINUTE)
    await runHoldExpiry()
    expect(await enrollment(buyer.body.doc.id)).toMatchObject({ status: 'cancelled', cancellationReason: expect.stringMatching(/hold expired/) })
    expect((await paymentOf(buyer.body.doc.id)).status).toBe('expired')
    const session = sessionOf(buyer.body.doc)
    expect(session.status).toBe('expired')
    expect(stripe.callsTo('POST', `/v1/checkout/sessions/${session.id}/expire`)).toHaveLength(1)
    expect((await enrollment(waiting.body.doc.id)).status).toBe('pending_payment')
    expect(await seatsLeft(webinar.id)).toBe(0)
    // The promoted person gets their own hold, starting now, and a Checkout Session.
    await drainQueue(aula.payload)
    const promotedPayment = await paymentOf(waiting.body.doc.id)
    expect(promotedPayment).toMatchObject({ status: 'pending', holdExpiresAt: new Date(clock.now().getTime() + 45 * MINUTE).toISOString() })
    expect(promotedPayment.checkoutUrl).toMatch(/^https:\/\/checkout\.stripe\.test\//)

    await runHoldExpiry()
    expect(stripe.callsTo('POST', `/v1/checkout/sessions/${session.id}/expire`)).toHaveLength(1)
  })

  it('checkout.session.expired from Stripe ends the hold like the job does', async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 15, capacity: 3 })
    const { body } = await aula.api.post(`/webinars/${webinar.id}/register`, someone())
    await deliver(aula.api, sessionExpired(sessionOf(body.doc)))
    await drainQueue(aula.payload)
    expect((await enrollment(body.doc.id)).status).toBe('cancelled')
    expect(await seatsLeft(webinar.id)).toBe(3)
  })

  it('keeps the seat when the buyer completed Checkout just before the hold ran out', async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 15, capacity: 3 })
    const { body } = await aula.api.post(`/webinars/${webinar.id}/register`, someone())
    const session = stripe.complete(sessionOf(body.doc).id)
    clock.advance(50 * MINUTE)
    await runHoldExpiry()
    expect((await enrollment(body.doc.id)).status).toBe('pending_payment')
    await deliver(aula.api, sessionCompleted(session))
    await drainQueue(aula.payload)
    expect((await enrollment(body.doc.id)).status).toBe('confirmed')
  })
})

describe('money that arrives after the hold expired', () => {
  it('confirms the enrollment again when a seat is still free', async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 15, capacity: 2 })
    const { body } = await aula.api.post(`/webinars/${webinar.id}/register`, someone())
    clock.advance(46 * MINUTE)
    await runHoldExpiry()
    expect((await enrollment(body.doc.id)).status).toBe('cancelled')
    await deliver(aula.api, sessionCompleted(stripe.complete(sessionOf(body.doc).id)))
    await drainQueue(aula.payload)
    expect(await enrollment(body.doc.id)).toMatchObject({ status: 'confirmed', paymentStatus: 'paid', cancelledAt: null })
    expect((await paymentOf(body.doc.id)).status).toBe('succeeded')
    expect(await seatsLeft(webinar.id)).toBe(1)
  })

  it('refunds automatically when the seat went to someone else', async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 15, capacity: 1 })
    const late = await aula.api.post(`/webinars/${webinar.id}/register`, someone())
    const waiting = await aula.api.post(`/webinars/${webinar.id}/register`, someone())
    clock.advance(46 * MINUTE)
    await runHoldExpiry()
    expect((await enrollment(waiting.body.doc.id)).status).toBe('pending_payment')

    const session = stripe.complete(sessionOf(late.body.doc).id)
    await deliver(aula.api, sessionCompleted(session))
    await drainQueue(aula.payload) // applies the event, which queues the refund
    await drainQueue(aula.payload) // the refund job calls Stripe
    expect((await enrollment(late.body.doc.id)).status).toBe('cancelled')
    const refunds = stripe.callsTo('POST', '/v1/refunds').filter((call) => call.body.payment_intent === session.payment_intent)
    expect(refunds).toHaveLength(1)
    const payment = await paymentOf(late.body.doc.id)
    expect(refunds[0].idempotencyKey).toBe(`aula-refund-${payment.id}-1`)
    expect(payment).toMatchObject({ status: 'succeeded', refundReason: expect.stringMatching(/seat was given to someone else/), refundRequestedAt: expect.any(String) })
    expect(await seatsLeft(webinar.id)).toBe(0)
  })
})
