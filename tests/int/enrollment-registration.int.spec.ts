import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'
import { createCourse, createWebinar, errorPaths } from '../helpers/catalog'
import { ManualClock } from '../helpers/manualClock'

let aula: TestAula
const clock = new ManualClock('2030-01-10T12:00:00.000Z')

beforeAll(async () => {
  aula = await startTestAula({ clock })
})

afterAll(async () => {
  await aula.close()
})

let person = 0
const someone = (overrides: Record<string, unknown> = {}) => {
  person += 1
  return { email: `persona${person}-${Date.now()}@example.com`, firstName: 'María', lastName: `López ${person}`, ...overrides }
}
const counts = async () => ({
  enrollments: (await aula.payload.count({ collection: 'enrollments', overrideAccess: true })).totalDocs,
  users: (await aula.payload.count({ collection: 'users', overrideAccess: true })).totalDocs,
})
const seatsLeft = async (collection: 'webinars' | 'courses', id: number) => (await aula.api.get(`/${collection}/${id}`)).body.seatsLeft

describe('registering for a free webinar', () => {
  it('an anonymous visitor gets a confirmed seat and a student account', async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 10 })
    const visitor = someone({ email: '  Ana.Garcia@Example.com ', company: 'ACME' })
    const response = await aula.api.post(`/webinars/${webinar.id}/register`, visitor)
    expect(response.status).toBe(201)
    expect(response.body.doc).toMatchObject({ status: 'confirmed', paymentStatus: 'not_required', amount: 0, priceTier: 'free', item: { relationTo: 'webinars', value: webinar.id } })
    // The anonymous answer names no user (docs/security.md, "Existence leaks"): look the account up by email.
    const { docs: [user] } = await aula.payload.find({ collection: 'users', where: { email: { equals: 'ana.garcia@example.com' } }, overrideAccess: true })
    expect(user).toMatchObject({ email: 'ana.garcia@example.com', roles: ['student'], company: 'ACME' })
    expect(await seatsLeft('webinars', webinar.id)).toBe(9)
  })

  it('finds an existing person by email whatever its case and spacing, without a second account', async () => {
    const student = await aula.createUser(['student'])
    const webinar = await createWebinar(aula.payload)
    const before = await counts()
    const response = await aula.api.post(`/webinars/${webinar.id}/register`, someone({ email: ` ${student.email.toUpperCase()} ` }))
    expect(response.status).toBe(201)
    expect(response.body.doc.user).toBeUndefined()
    const enrollment = await aula.payload.findByID({ collection: 'enrollments', id: response.body.doc.id, overrideAccess: true, depth: 0 })
    expect(enrollment.user).toBe(student.id)
    expect((await counts()).users).toBe(before.users)
  })

  it('a logged-in student may send nothing and is registered themselves', async () => {
    const student = await aula.createUser(['student'])
    const webinar = await createWebinar(aula.payload)
    const response = await aula.api.post(`/webinars/${webinar.id}/register`, undefined, { token: student.token })
    expect(response.status).toBe(201)
    expect(response.body.doc.user).toBe(student.id)
  })

  it('puts people on the waiting list once the webinar is full', async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 1 })
    expect((await aula.api.post(`/webinars/${webinar.id}/register`, someone())).body.doc.status).toBe('confirmed')
    const late = await aula.api.post(`/webinars/${webinar.id}/register`, someone())
    expect(late.status).toBe(201)
    expect(late.body.doc.status).toBe('waitlisted')
    expect(await seatsLeft('webinars', webinar.id)).toBe(0)
  })

  it('a retried request with the same Idempotency-Key returns the same enrollment', async () => {
    const webinar = await createWebinar(aula.payload)
    const body = someone()
    const headers = { 'idempotency-key': `retry-${Date.now()}` }
    const first = await aula.api.post(`/webinars/${webinar.id}/register`, body, { headers })
    const second = await aula.api.post(`/webinars/${webinar.id}/register`, body, { headers })
    expect(first.status).toBe(201)
    expect(second.status).toBe(201)
    expect(second.body.doc.id).toBe(first.body.doc.id)
    expect(second.headers.get('idempotent-replayed')).toBe('true')
  })
})

// Course price tiers (early bird before its deadline, regular after) are paid registrations: they are
// tested with the Stripe stand-in in payments-checkout.int.spec.ts.

describe('registrations that are refused, with nothing written', () => {
  const refused = async (path: string, body: unknown, status: number, options: { token?: string } = {}) => {
    const before = await counts()
    const response = await aula.api.post(path, body, options)
    expect(response.status).toBe(status)
    expect(response.body.errors?.[0]?.message).toBeTruthy()
    expect(await counts()).toEqual(before)
    return response
  }

  it('an unknown, malformed or draft item is a 404', async () => {
    const draft = await createWebinar(aula.payload, { status: 'draft' })
    await refused('/webinars/999999/register', someone(), 404)
    await refused('/webinars/abc/register', someone(), 404)
    await refused(`/webinars/${draft.id}/register`, someone(), 404)
  })

  it('a cancelled or finished webinar is a 409 that says so', async () => {
    const cancelled = await createWebinar(aula.payload, { status: 'cancelled' })
    const completed = await createWebinar(aula.payload, { status: 'completed' })
    expect((await refused(`/webinars/${cancelled.id}/register`, someone(), 409)).text).toMatch(/cancelled/)
    expect((await refused(`/webinars/${completed.id}/register`, someone(), 409)).text).toMatch(/finished/)
  })

  it('a webinar that has started, or a course past its start date, is a 409', async () => {
    const webinar = await createWebinar(aula.payload, { startsAt: '2030-01-10T11:59:00.000Z' })
    const course = await createCourse(aula.payload, { regularPrice: 0, startDate: '2030-01-10T00:00:00.000Z', modules: [] })
    expect((await refused(`/webinars/${webinar.id}/register`, someone(), 409)).text).toMatch(/already started/)
    expect((await refused(`/courses/${course.id}/enroll`, someone(), 409)).text).toMatch(/already started/)
  })

  it('a second active enrollment for the same person is never made: a 409 naming the first for that person, the first seat again for anyone else', async () => {
    const webinar = await createWebinar(aula.payload)
    const body = someone()
    const first = await aula.api.post(`/webinars/${webinar.id}/register`, body)
    const before = await counts()
    const anonymous = await aula.api.post(`/webinars/${webinar.id}/register`, body)
    expect(anonymous.status).toBe(201)
    expect(anonymous.body).toEqual(first.body)
    expect(await counts()).toEqual(before)

    const student = await aula.createUser(['student'])
    const own = await aula.api.post(`/webinars/${webinar.id}/register`, undefined, { token: student.token })
    const ownAgain = await refused(`/webinars/${webinar.id}/register`, undefined, 409, { token: student.token })
    expect(ownAgain.body.errors[0].message).toContain(String(own.body.doc.id))
    expect(ownAgain.body.errors[0].data).toEqual({ enrollmentId: own.body.doc.id })
  })

  it('a paid item answers 503 "payments are not configured" while Stripe is not set up', async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 50 })
    expect((await refused(`/webinars/${webinar.id}/register`, someone(), 503)).text).toMatch(/Payments are not configured/)
  })

  it('missing or malformed person details are a 400 naming each field', async () => {
    const webinar = await createWebinar(aula.payload)
    const missing = await refused(`/webinars/${webinar.id}/register`, {}, 400)
    expect(errorPaths(missing.body).sort()).toEqual(['email', 'firstName', 'lastName'])
    const wrong = await refused(`/webinars/${webinar.id}/register`, someone({ email: 'not-an-email', firstName: 42 }), 400)
    expect(errorPaths(wrong.body).sort()).toEqual(['email', 'firstName'])
    await refused(`/webinars/${webinar.id}/register`, '{"email": ', 400)
    await refused(`/webinars/${webinar.id}/register`, '[1,2]', 400)
  })
})

describe('GraphQL registration', () => {
  it('registerForWebinar and enrollInCourse work like the REST endpoints, and cancelEnrollment frees the seat', async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 5 })
    const course = await createCourse(aula.payload, { regularPrice: 0, capacity: 5 })
    const register = await aula.api.graphql(
      'mutation ($id: Int!, $person: RegistrationPerson) { registerForWebinar(id: $id, person: $person) { id status priceTier } }',
      { id: webinar.id, person: someone() },
    )
    expect(register.body.errors).toBeUndefined()
    expect(register.body.data.registerForWebinar).toMatchObject({ status: 'confirmed', priceTier: 'free' })

    const student = await aula.createUser(['student'])
    const enroll = await aula.api.graphql('mutation ($id: Int!) { enrollInCourse(id: $id) { id status } }', { id: course.id }, student.token)
    expect(enroll.body.data.enrollInCourse.status).toBe('confirmed')

    const cancel = await aula.api.graphql(
      'mutation ($id: Int!) { cancelEnrollment(id: $id, reason: "No puedo asistir") { status cancellationReason } }',
      { id: enroll.body.data.enrollInCourse.id },
      student.token,
    )
    expect(cancel.body.data.cancelEnrollment).toEqual({ status: 'cancelled', cancellationReason: 'No puedo asistir' })
    expect(await seatsLeft('courses', course.id)).toBe(5)

    const duplicate = await aula.api.graphql('mutation ($id: Int!, $person: RegistrationPerson) { registerForWebinar(id: $id, person: $person) { id } }', {
      id: webinar.id,
      person: { email: 'bad', firstName: 'A', lastName: 'B' },
    })
    expect(duplicate.body.errors?.[0]?.message).toMatch(/email/)
  })
})
