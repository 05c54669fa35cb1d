import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'
import { deliver } from '../helpers/stripeEvents'

// Its own file: Payload caches one instance per process, so a second configuration needs a second file.
let plain: TestAula

beforeAll(async () => {
  plain = await startTestAula()
})

afterAll(async () => {
  await plain?.close()
})

const someone = () => ({ email: `sin-stripe-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`, firstName: 'Ana', lastName: 'Ruiz' })

describe('without Stripe keys', () => {
  it('paid items answer 503 "payments are not configured" and create nothing; free items still work', async () => {
    const paid = await createWebinar(plain.payload, { isFree: false, price: 50 })
    const free = await createWebinar(plain.payload)
    const count = async (collection: 'enrollments' | 'payments' | 'users') => (await plain.payload.count({ collection, overrideAccess: true })).totalDocs
    const before = { enrollments: await count('enrollments'), payments: await count('payments'), users: await count('users') }
    const response = await plain.api.post(`/webinars/${paid.id}/register`, someone())
    expect(response.status).toBe(503)
    expect(response.body.errors[0].message).toMatch(/payments are not configured/i)
    expect({ enrollments: await count('enrollments'), payments: await count('payments'), users: await count('users') }).toEqual(before)
    expect((await plain.api.post(`/webinars/${free.id}/register`, someone())).status).toBe(201)
  })

  it('the webhook refuses events (503) instead of accepting what it cannot verify', async () => {
    const response = await deliver(plain.api, { id: 'evt_unverifiable', type: 'checkout.session.completed', data: { object: {} } })
    expect(response.status).toBe(503)
    expect((await plain.payload.count({ collection: 'stripe-events', overrideAccess: true })).totalDocs).toBe(0)
  })
})
