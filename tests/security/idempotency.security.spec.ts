import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { SHOWN_TO_OWNER, SHOWN_TO_REGISTRANT } from '../../src/collections/Enrollments/endpoints/publicEnrollment'
import type { TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'
import { ManualClock } from '../helpers/manualClock'
import type { StripeStandIn } from '../helpers/stripeStandIn'
import { startAulaWithStripe, stopAulaWithStripe } from '../helpers/aulaWithStripe'

/**
 * An Idempotency-Key belongs to one caller and one request (docs/security.md, "Idempotency keys"):
 * whoever else sends it gets their own registration or a 422, never the first caller's enrollment.
 */
let aula: TestAula
let stripe: StripeStandIn
const clock = new ManualClock('2030-01-10T12:00:00.000Z')

beforeAll(async () => {
  ;({ aula, stripe } = await startAulaWithStripe({ clock }))
})

afterAll(() => stopAulaWithStripe(aula, stripe))

let counter = 0
const someone = (name = 'Ana') => {
  counter += 1
  return { email: `idem${counter}-${Date.now()}@example.com`, firstName: name, lastName: `Quispe ${counter}` }
}
const newKey = () => `key-${Date.now()}-${Math.random()}`
const enrollmentsOf = async (webinarId: number) =>
  (await aula.payload.count({ collection: 'enrollments', where: { 'item.value': { equals: webinarId } }, overrideAccess: true })).totalDocs
const REGISTER = `mutation ($id: Int!, $person: RegistrationPerson, $key: String) {
  registerForWebinar(id: $id, person: $person, idempotencyKey: $key) { id status checkoutUrl idempotencyKey idempotencyRequest activeKey user { id email } }
}`

describe('REST: someone else sending your Idempotency-Key', () => {
  it("an anonymous caller reusing someone else's Idempotency-Key with their own details gets a 422 and none of their data", async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 40, capacity: 5 })
    const key = newKey()
    const victim = someone('Víctima')
    const first = await aula.api.post(`/webinars/${webinar.id}/register`, victim, { headers: { 'idempotency-key': key } })
    expect(first.status).toBe(201)
    expect(first.body.doc.checkoutUrl).toBeTruthy()

    const attacker = await aula.api.post(`/webinars/${webinar.id}/register`, someone('Atacante'), { headers: { 'idempotency-key': key } })
    expect(attacker.status).toBe(422)
    expect(attacker.body.errors[0].message).toMatch(/Idempotency-Key was already used for a different request/)
    expect(attacker.body.doc).toBeUndefined()
    expect(attacker.text).not.toContain(first.body.doc.checkoutUrl)
    expect(attacker.text).not.toContain(victim.email)
    expect(attacker.headers.get('idempotent-replayed')).toBeNull()
    expect(await enrollmentsOf(webinar.id)).toBe(1)
  })

  it("a logged-in caller reusing another account's Idempotency-Key gets their own fresh registration", async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 40, capacity: 5 })
    const [owner, other] = [await aula.createUser(['student']), await aula.createUser(['student'])]
    const key = newKey()
    const first = await aula.api.post(`/webinars/${webinar.id}/register`, undefined, { token: owner.token, headers: { 'idempotency-key': key } })
    const second = await aula.api.post(`/webinars/${webinar.id}/register`, undefined, { token: other.token, headers: { 'idempotency-key': key } })
    expect(first.status).toBe(201)
    expect(second.status).toBe(201)
    expect(second.headers.get('idempotent-replayed')).toBeNull()
    expect(second.body.doc.user).toBe(other.id)
    expect(second.body.doc.id).not.toBe(first.body.doc.id)
    expect(second.body.doc.checkoutUrl).not.toBe(first.body.doc.checkoutUrl)
    expect(await enrollmentsOf(webinar.id)).toBe(2)
  })

  it('reusing one key for another webinar, or with other person details, is a 422 that writes nothing', async () => {
    const [webinar, another] = [await createWebinar(aula.payload), await createWebinar(aula.payload)]
    const key = newKey()
    const person = someone()
    expect((await aula.api.post(`/webinars/${webinar.id}/register`, person, { headers: { 'idempotency-key': key } })).status).toBe(201)
    const otherItem = await aula.api.post(`/webinars/${another.id}/register`, person, { headers: { 'idempotency-key': key } })
    expect(otherItem.status).toBe(422)
    const otherName = await aula.api.post(`/webinars/${webinar.id}/register`, { ...person, firstName: 'Otra' }, { headers: { 'idempotency-key': key } })
    expect(otherName.status).toBe(422)
    expect(await enrollmentsOf(another.id)).toBe(0)
  })

  it('the same request retried (fields in any order, email in any case) still replays the first answer', async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 25, capacity: 5 })
    const key = newKey()
    const person = someone()
    const first = await aula.api.post(`/webinars/${webinar.id}/register`, person, { headers: { 'idempotency-key': key } })
    const reordered = { lastName: person.lastName, email: ` ${person.email.toUpperCase()}`, firstName: person.firstName }
    const retry = await aula.api.post(`/webinars/${webinar.id}/register`, reordered, { headers: { 'idempotency-key': key } })
    expect(retry.status).toBe(201)
    expect(retry.headers.get('idempotent-replayed')).toBe('true')
    expect(retry.body.doc).toEqual(first.body.doc)
  })

  it('five identical retries racing each other make one enrollment and all get it', async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 10 })
    const key = newKey()
    const person = someone()
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => aula.api.post(`/webinars/${webinar.id}/register`, person, { headers: { 'idempotency-key': key } })),
    )
    expect(responses.map((response) => response.status)).toEqual([201, 201, 201, 201, 201])
    expect(new Set(responses.map((response) => response.body.doc.id)).size).toBe(1)
    expect(await enrollmentsOf(webinar.id)).toBe(1)
  })

  it('the raw key is not stored, so reading the database does not hand out keys to replay', async () => {
    const webinar = await createWebinar(aula.payload)
    const key = newKey()
    const response = await aula.api.post(`/webinars/${webinar.id}/register`, someone(), { headers: { 'idempotency-key': key } })
    const stored = await aula.payload.findByID({ collection: 'enrollments', id: response.body.doc.id, overrideAccess: true, depth: 0 })
    expect(stored.idempotencyKey).toMatch(/^[0-9a-f]{64}$/)
    expect(stored.idempotencyKey).not.toContain(key)
  })
})

describe('GraphQL: someone else sending your idempotencyKey', () => {
  it("a second caller reusing someone else's idempotencyKey gets a 422 and none of their data", async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 40, capacity: 5 })
    const key = newKey()
    const victim = someone('Víctima')
    const first = await aula.api.graphql(REGISTER, { id: webinar.id, person: victim, key })
    expect(first.body.errors).toBeUndefined()
    const attacker = await aula.api.graphql(REGISTER, { id: webinar.id, person: someone('Atacante'), key })
    expect(attacker.body.data?.registerForWebinar ?? null).toBeNull()
    expect(attacker.body.errors?.[0]?.message).toMatch(/Idempotency-Key was already used for a different request/)
    expect(attacker.body.errors?.[0]?.extensions?.statusCode).toBe(422)
    expect(attacker.text).not.toContain(String(first.body.data?.registerForWebinar.checkoutUrl))
    expect(await enrollmentsOf(webinar.id)).toBe(1)
  })

  it("a logged-in caller reusing another account's idempotencyKey gets their own enrollment", async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 5 })
    const [owner, other] = [await aula.createUser(['student']), await aula.createUser(['student'])]
    const key = newKey()
    const first = await aula.api.graphql(REGISTER, { id: webinar.id, key }, owner.token)
    const second = await aula.api.graphql(REGISTER, { id: webinar.id, key }, other.token)
    expect(second.body.errors).toBeUndefined()
    expect(second.body.data?.registerForWebinar.id).not.toBe(first.body.data?.registerForWebinar.id)
    expect(second.body.data?.registerForWebinar.user).toEqual({ id: other.id, email: other.email })
  })
})

describe('answers carry only fields the caller may read', () => {
  it('selecting idempotencyKey, idempotencyRequest or activeKey on registerForWebinar gets null', async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 5 })
    const anonymous = await aula.api.graphql(REGISTER, { id: webinar.id, person: someone(), key: newKey() })
    expect(anonymous.body.errors).toBeUndefined()
    expect(anonymous.body.data?.registerForWebinar).toMatchObject({ idempotencyKey: null, idempotencyRequest: null, activeKey: null, user: null })
    const student = await aula.createUser(['student'])
    const own = await aula.api.graphql(REGISTER, { id: webinar.id, key: newKey() }, student.token)
    expect(own.body.data?.registerForWebinar).toMatchObject({ idempotencyKey: null, idempotencyRequest: null, activeKey: null })
  })

  it('the REST register and cancel answers, and GraphQL cancelEnrollment, never carry the hidden keys', async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 5 })
    const student = await aula.createUser(['student'])
    const hidden = ['idempotencyKey', 'idempotencyRequest', 'activeKey']
    const registered = await aula.api.post(`/webinars/${webinar.id}/register`, undefined, { token: student.token, headers: { 'idempotency-key': newKey() } })
    expect(Object.keys(registered.body.doc).filter((name) => hidden.includes(name))).toEqual([])
    const cancelled = await aula.api.post(`/enrollments/${registered.body.doc.id}/cancel`, {}, { token: student.token })
    expect(cancelled.status).toBe(200)
    expect(cancelled.body.doc.status).toBe('cancelled')
    expect(Object.keys(cancelled.body.doc).filter((name) => hidden.includes(name))).toEqual([])

    const again = await aula.api.post(`/webinars/${webinar.id}/register`, undefined, { token: student.token, headers: { 'idempotency-key': newKey() } })
    const viaGraphql = await aula.api.graphql(
      'mutation ($id: Int!) { cancelEnrollment(id: $id) { status idempotencyKey idempotencyRequest activeKey } }',
      { id: again.body.doc.id },
      student.token,
    )
    expect(viaGraphql.body.data?.cancelEnrollment).toEqual({ status: 'cancelled', idempotencyKey: null, idempotencyRequest: null, activeKey: null })
  })

  it('every field a registration answer lists exists and is readable by an anonymous caller', async () => {
    const fields = aula.payload.collections.enrollments.config.flattenedFields
    const anonymousReq = { user: null, payload: aula.payload } as never
    const unreadable: string[] = []
    for (const field of fields) {
      const read = (field.access as { read?: (args: unknown) => unknown } | undefined)?.read
      if (read && !(await read({ req: anonymousReq, doc: {}, data: {}, siblingData: {} }))) unreadable.push(field.name)
    }
    expect(unreadable).toEqual(expect.arrayContaining(['idempotencyKey', 'idempotencyRequest', 'activeKey']))
    for (const name of SHOWN_TO_OWNER) {
      if (name !== 'id') expect(fields.map((field) => field.name)).toContain(name)
      expect(unreadable).not.toContain(name)
    }
    expect(SHOWN_TO_REGISTRANT).not.toContain('user')
  })
})
