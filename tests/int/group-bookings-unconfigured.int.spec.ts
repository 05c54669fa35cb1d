import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'

/** Group bookings on an Aula without Stripe keys: what needs no card still works, a card payment writes nothing. */
let aula: TestAula

beforeAll(async () => {
  aula = await startTestAula()
  await aula.payload.updateGlobal({ slug: 'billing-settings', data: { bankTransferDetails: 'Banco de la Nación, cuenta 00-123-456789', bankTransferHoldDays: 2 } as never, overrideAccess: true })
})

afterAll(() => aula?.close())

let counter = 0
const person = () => ({ email: `sin-stripe${(counter += 1)}-${Date.now()}@empresa.pe`, firstName: 'Jorge', lastName: `Quispe ${counter}` })
const buyer = () => ({ ...person(), company: 'Agroexport S.A.', taxId: '20600000001' })
const count = async () => ({
  users: (await aula.payload.count({ collection: 'users', overrideAccess: true })).totalDocs,
  enrollments: (await aula.payload.count({ collection: 'enrollments', overrideAccess: true })).totalDocs,
  bookings: (await aula.payload.count({ collection: 'bookings', overrideAccess: true })).totalDocs,
})

describe('group bookings while Stripe is not configured', () => {
  it('a paid group paying by card is a 503 that writes nothing, not even the buyer’s account', async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 80, currency: 'PEN', capacity: 10 })
    const before = await count()
    const response = await aula.api.post(`/webinars/${webinar.id}/register`, { buyer: buyer(), attendees: [person(), person()] })
    expect(response.status).toBe(503)
    expect(await count()).toEqual(before)
  })

  it('a group paying by bank transfer is held and answered with the transfer instructions', async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 80, currency: 'PEN', capacity: 10, allowBankTransfer: true })
    const response = await aula.api.post(`/webinars/${webinar.id}/register`, { buyer: buyer(), attendees: [person(), person()], paymentMethod: 'bank_transfer' })
    expect(response.status).toBe(201)
    expect(response.body.bankTransfer).toMatchObject({ amount: 160, currency: 'PEN', instructions: expect.stringContaining('Banco de la Nación') })
    expect(response.body.enrollments.map((seat: { status: string }) => seat.status)).toEqual(['pending_payment', 'pending_payment'])
  })

  it('a free group is confirmed at once', async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 10 })
    const response = await aula.api.post(`/webinars/${webinar.id}/register`, { buyer: buyer(), attendees: [person(), person()] })
    expect(response.status).toBe(201)
    expect(response.body.booking).toMatchObject({ status: 'confirmed', total: 0 })
  })
})
