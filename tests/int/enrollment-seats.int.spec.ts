import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar, errorPaths } from '../helpers/catalog'

let aula: TestAula

beforeAll(async () => {
  aula = await startTestAula({ poolMax: 30 })
})

afterAll(async () => {
  await aula.close()
})

const register = (webinarId: number, n: number) =>
  aula.api.post(`/webinars/${webinarId}/register`, { email: `p${n}-${webinarId}@example.com`, firstName: 'P', lastName: String(n) })

const statusesOf = async (webinarId: number) => {
  const { docs } = await aula.payload.find({
    collection: 'enrollments',
    where: { and: [{ 'item.relationTo': { equals: 'webinars' } }, { 'item.value': { equals: webinarId } }] },
    sort: 'createdAt',
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return docs
}
const webinarById = (id: number) => aula.api.get(`/webinars/${id}`).then((response) => response.body)

describe('seats under concurrency', () => {
  it('200 simultaneous registrations for 50 seats give exactly 50 confirmed and 150 waitlisted, then 10 cancellations promote 10 in order', async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 50 })
    const responses = await Promise.all(Array.from({ length: 200 }, (_, n) => register(webinar.id, n)))
    expect(responses.filter((response) => response.status >= 500)).toEqual([])
    expect(responses.every((response) => response.status === 201)).toBe(true)

    const docs = await statusesOf(webinar.id)
    expect(docs.filter((doc) => doc.status === 'confirmed')).toHaveLength(50)
    expect(docs.filter((doc) => doc.status === 'waitlisted')).toHaveLength(150)
    expect((await webinarById(webinar.id)).seatsLeft).toBe(0)

    const admin = await aula.createUser(['admin'])
    const waitlistInOrder = docs.filter((doc) => doc.status === 'waitlisted').map((doc) => doc.id)
    const toCancel = docs.filter((doc) => doc.status === 'confirmed').slice(0, 10)
    const cancellations = await Promise.all(
      toCancel.map((doc) => aula.api.post(`/enrollments/${doc.id}/cancel`, { reason: 'bulk' }, { token: admin.token })),
    )
    expect(cancellations.map((response) => response.status)).toEqual(Array(10).fill(200))

    const after = await statusesOf(webinar.id)
    const confirmedNow = new Set(after.filter((doc) => doc.status === 'confirmed').map((doc) => doc.id))
    expect(confirmedNow.size).toBe(50)
    expect(waitlistInOrder.slice(0, 10).every((id) => confirmedNow.has(id))).toBe(true)
    expect(waitlistInOrder.slice(10).some((id) => confirmedNow.has(id))).toBe(false)
    expect((await webinarById(webinar.id)).seatsLeft).toBe(0)
  })

  it('the same person registering twice at the same moment gets one seat, answered to both requests', async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 5 })
    const body = { email: `twice-${Date.now()}@example.com`, firstName: 'Dos', lastName: 'Veces' }
    const responses = await Promise.all([1, 2].map(() => aula.api.post(`/webinars/${webinar.id}/register`, body)))
    // The second is "someone registering a person already registered" (docs/api-enrollment.md): the same 201.
    expect(responses.map((response) => response.status)).toEqual([201, 201])
    expect(responses[0].body.doc.id).toBe(responses[1].body.doc.id)
    expect(await statusesOf(webinar.id)).toHaveLength(1)
    expect(await aula.payload.count({ collection: 'users', where: { email: { equals: body.email } }, overrideAccess: true })).toEqual(expect.objectContaining({ totalDocs: 1 }))
  })
})

describe('cancelling', () => {
  it('the owner cancels with a reason; the seat goes to the oldest waitlisted person; a second cancel is a 409', async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 1 })
    const student = await aula.createUser(['student'])
    const mine = await aula.api.post(`/webinars/${webinar.id}/register`, undefined, { token: student.token })
    const second = await register(webinar.id, 1)
    const third = await register(webinar.id, 2)
    expect([second.body.doc.status, third.body.doc.status]).toEqual(['waitlisted', 'waitlisted'])

    const cancel = await aula.api.post(`/enrollments/${mine.body.doc.id}/cancel`, { reason: 'Tengo otro compromiso' }, { token: student.token })
    expect(cancel.status).toBe(200)
    expect(cancel.body.doc).toMatchObject({ status: 'cancelled', cancellationReason: 'Tengo otro compromiso' })
    expect(cancel.body.doc.cancelledAt).toBeTruthy()

    const docs = await statusesOf(webinar.id)
    expect(docs.find((doc) => doc.id === second.body.doc.id)?.status).toBe('confirmed')
    expect(docs.find((doc) => doc.id === third.body.doc.id)?.status).toBe('waitlisted')

    const again = await aula.api.post(`/enrollments/${mine.body.doc.id}/cancel`, {}, { token: student.token })
    expect(again.status).toBe(409)
  })

  it('nobody else may cancel a student’s enrollment except staff; anonymous callers must log in', async () => {
    const webinar = await createWebinar(aula.payload)
    const owner = await aula.createUser(['student'])
    const stranger = await aula.createUser(['student'])
    const sales = await aula.createUser(['sales'])
    const { body } = await aula.api.post(`/webinars/${webinar.id}/register`, undefined, { token: owner.token })
    expect((await aula.api.post(`/enrollments/${body.doc.id}/cancel`, {})).status).toBe(401)
    expect((await aula.api.post(`/enrollments/${body.doc.id}/cancel`, {}, { token: stranger.token })).status).toBe(404)
    expect((await aula.api.post(`/enrollments/${body.doc.id}/cancel`, {}, { token: sales.token })).status).toBe(200)
  })
})

describe('changing capacity', () => {
  it('raising it promotes waitlisted people in registration order; lowering it below the seats taken is refused', async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 2 })
    const responses = []
    for (let n = 0; n < 5; n += 1) responses.push(await register(webinar.id, n))
    const editor = await aula.createUser(['editor'])

    const tooLow = await aula.api.patch(`/webinars/${webinar.id}`, { capacity: 1 }, { token: editor.token })
    expect(tooLow.status).toBe(400)
    expect(errorPaths(tooLow.body)).toEqual(['capacity'])
    expect((await webinarById(webinar.id)).capacity).toBe(2)

    const raised = await aula.api.patch(`/webinars/${webinar.id}`, { capacity: 4 }, { token: editor.token })
    expect(raised.status).toBe(200)
    const docs = await statusesOf(webinar.id)
    expect(responses.map((response) => docs.find((doc) => doc.id === response.body.doc.id)?.status)).toEqual([
      'confirmed', 'confirmed', 'confirmed', 'confirmed', 'waitlisted',
    ])
    expect((await webinarById(webinar.id)).seatsLeft).toBe(0)
  })
})
