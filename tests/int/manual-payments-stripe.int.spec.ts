import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { TestAula } from '../helpers/aula'
import { startAulaWithStripe, stopAulaWithStripe } from '../helpers/aulaWithStripe'
import { createWebinar } from '../helpers/catalog'
import { ManualClock } from '../helpers/manualClock'
import type { StripeStandIn } from '../helpers/stripeStandIn'

/** Manual payments where card payments run too (one Aula per file: tests/int/manual-payments.int.spec.ts has the one without Stripe). */
let person = 0
const someone = () => {
  person += 1
  return { email: `card-or-transfer${person}-${Date.now()}@example.com`, firstName: 'Mateo', lastName: `Rojas ${person}` }
}
const entry = (overrides: Record<string, unknown> = {}) => ({ method: 'bank_transfer', reference: `OP-${Date.now()}-${(person += 1)}`, receivedOn: '2030-01-10', amount: 150, ...overrides })

const helpers = (aula: TestAula) => ({
  enrollment: (id: number) => aula.payload.findByID({ collection: 'enrollments', id, overrideAccess: true, depth: 0 }),
  paymentOf: async (enrollmentId: number) =>
    (await aula.payload.find({ collection: 'payments', where: { enrollment: { equals: enrollmentId } }, overrideAccess: true, depth: 0 })).docs[0],
})

describe('manual payments beside Stripe', () => {
  let aula: TestAula
  let stripe: StripeStandIn
  let h: ReturnType<typeof helpers>
  let admin: { token: string }
  const clock = new ManualClock('2030-01-10T15:00:00.000Z')

  beforeAll(async () => {
    ;({ aula, stripe } = await startAulaWithStripe({ clock }))
    h = helpers(aula)
    admin = await aula.createUser(['admin'])
  })
  afterAll(async () => {
    await stopAulaWithStripe(aula, stripe)
  })

  it('a paid seat staff created by hand is paid by recording the money on the enrollment: a manual payment is created and the seat confirmed', async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 150, currency: 'PEN', capacity: 5 })
    const person = await aula.createUser(['student'])
    const created = await aula.api.post('/enrollments', { user: person.id, item: { relationTo: 'webinars', value: webinar.id } }, { token: admin.token })
    expect(created.body.doc.status).toBe('pending_payment')
    expect(await h.paymentOf(created.body.doc.id)).toBeUndefined()

    const { status, body } = await aula.api.post(`/enrollments/${created.body.doc.id}/record-payment`, entry({ method: 'cash', reference: undefined }), { token: admin.token })
    expect(status).toBe(200)
    expect(body).toMatchObject({ settled: true, payment: { status: 'succeeded', provider: 'manual', method: 'cash', amount: 150, currency: 'PEN' } })
    expect(await h.enrollment(created.body.doc.id)).toMatchObject({ status: 'confirmed', paymentStatus: 'paid' })
    expect((await aula.api.post(`/enrollments/${created.body.doc.id}/record-payment`, entry(), { token: admin.token })).status).toBe(409)
  })

  it('a card registration paid by transfer instead: its Checkout Session is expired at Stripe before the money confirms the seat', async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 150, currency: 'PEN', capacity: 5 })
    const { body } = await aula.api.post(`/webinars/${webinar.id}/register`, someone())
    const sessionId = String(body.doc.checkoutUrl).split('/').pop()!
    const payment = await h.paymentOf(body.doc.id)
    const { status } = await aula.api.post(`/payments/${payment.id}/record-manual`, entry(), { token: admin.token })
    expect(status).toBe(200)
    expect(stripe.callsTo('POST', `/v1/checkout/sessions/${sessionId}/expire`)).toHaveLength(1)
    expect(await h.paymentOf(body.doc.id)).toMatchObject({ status: 'succeeded', provider: 'manual', method: 'bank_transfer' })
    expect((await h.enrollment(body.doc.id)).status).toBe('confirmed')
  })

  it('a card payment Stripe already completed is not recorded again by hand', async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 150, currency: 'PEN', capacity: 5 })
    const { body } = await aula.api.post(`/webinars/${webinar.id}/register`, someone())
    stripe.complete(String(body.doc.checkoutUrl).split('/').pop()!)
    const payment = await h.paymentOf(body.doc.id)
    const { status } = await aula.api.post(`/payments/${payment.id}/record-manual`, entry(), { token: admin.token })
    expect(status).toBe(409)
    expect(await h.paymentOf(body.doc.id)).toMatchObject({ status: 'pending', manualEntries: [] })
  })
})
