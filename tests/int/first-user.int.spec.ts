import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'

let aula: TestAula

beforeAll(async () => {
  aula = await startTestAula()
})

afterAll(async () => {
  await aula.close()
})

describe('a fresh install with no users', () => {
  it('a website registration does not make anyone an admin, but the admin’s first-user form does, once', async () => {
    const webinar = await createWebinar(aula.payload)
    const registration = await aula.api.post(`/webinars/${webinar.id}/register`, { email: 'first@example.com', firstName: 'A', lastName: 'B' })
    expect(registration.status).toBe(201)
    const { docs: [visitor] } = await aula.payload.find({ collection: 'users', where: { email: { equals: 'first@example.com' } }, overrideAccess: true })
    expect(visitor.roles).toEqual(['student'])

    await aula.payload.delete({ collection: 'enrollments', where: {}, overrideAccess: true })
    await aula.payload.delete({ collection: 'users', where: {}, overrideAccess: true })
    const first = await aula.api.post('/users/first-register', { email: 'owner@example.com', password: 'a long secret', roles: ['student'] })
    expect(first.status).toBe(200)
    expect(first.body.user.roles).toEqual(['admin'])

    const second = await aula.api.post('/users/first-register', { email: 'intruder@example.com', password: 'a long secret' })
    expect(second.status).toBe(403)
  })
})
