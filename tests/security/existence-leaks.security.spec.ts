import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'
import { ManualClock } from '../helpers/manualClock'

/**
 * Public answers do not tell whether a person, account, lead or enrollment exists: same status,
 * same shape, no internal ids, timing within noise (docs/security.md, "Existence leaks").
 */
let aula: TestAula
const clock = new ManualClock('2030-01-10T12:00:00.000Z')

beforeAll(async () => {
  aula = await startTestAula({ clock })
})

afterAll(async () => {
  await aula?.close()
})

let counter = 0
const stranger = () => {
  counter += 1
  return { email: `nuevo${counter}-${Date.now()}@example.com`, firstName: 'Nadie', lastName: `Conocido ${counter}` }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const REGISTER = `mutation ($id: Int!, $person: RegistrationPerson) {
  registerForWebinar(id: $id, person: $person) { id status user { id email firstName } }
}`

describe('registering someone by email', () => {
  it("an anonymous caller registering an existing account's email gets the same answer shape as for a new person, and no user id", async () => {
    const existing = await aula.createUser(['student'])
    const webinar = await createWebinar(aula.payload, { capacity: 10 })
    const known = await aula.api.post(`/webinars/${webinar.id}/register`, { email: existing.email, firstName: 'X', lastName: 'Y' })
    const unknown = await aula.api.post(`/webinars/${webinar.id}/register`, stranger())
    expect([known.status, unknown.status]).toEqual([201, 201])
    expect(Object.keys(known.body.doc).sort()).toEqual(Object.keys(unknown.body.doc).sort())
    expect(known.body.message).toBe(unknown.body.message)
    expect(known.body.doc.user).toBeUndefined()
    expect(unknown.body.doc.user).toBeUndefined()
  })

  it("selecting the user on registerForWebinar shows nothing of an existing account's owner", async () => {
    const existing = await aula.createUser(['student'], { firstName: 'Secreta' })
    const webinar = await createWebinar(aula.payload, { capacity: 10 })
    const known = await aula.api.graphql(REGISTER, { id: webinar.id, person: { email: existing.email, firstName: 'X', lastName: 'Y' } })
    const unknown = await aula.api.graphql(REGISTER, { id: webinar.id, person: stranger() })
    expect(known.body.errors).toBeUndefined()
    expect(known.body.data?.registerForWebinar.user).toBeNull()
    expect(unknown.body.data?.registerForWebinar.user).toBeNull()
    expect(known.text).not.toContain('Secreta')
  })

  it("timing an anonymous registration does not tell an existing account from a new one (median of 7, within a factor of 2)", async () => {
    const existing = await Promise.all(Array.from({ length: 7 }, () => aula.createUser(['student'])))
    const webinar = await createWebinar(aula.payload)
    const timed = async (body: Record<string, unknown>) => {
      const started = performance.now()
      const response = await aula.api.post(`/webinars/${webinar.id}/register`, body)
      expect(response.status).toBe(201)
      return performance.now() - started
    }
    const known: number[] = []
    const unknown: number[] = []
    // Interleaved, so load from anything else on the machine hits both sides alike.
    for (const account of existing) {
      known.push(await timed({ email: account.email, firstName: 'X', lastName: 'Y' }))
      unknown.push(await timed(stranger()))
    }
    const ratio = median(known) / median(unknown)
    expect(ratio).toBeGreaterThan(0.5)
    expect(ratio).toBeLessThan(2)
  })
})

describe('registering the same person twice', () => {
  it('an anonymous caller probing for an existing enrollment gets a 409 that names no enrollment', async () => {
    const webinar = await createWebinar(aula.payload)
    const person = stranger()
    const first = await aula.api.post(`/webinars/${webinar.id}/register`, person)
    const second = await aula.api.post(`/webinars/${webinar.id}/register`, person)
    expect(second.status).toBe(409)
    expect(second.body.errors[0].message).toBe('This person is already registered for this item. The confirmation email has the details.')
    expect(second.body.errors[0].data).toBeUndefined()
    expect(JSON.stringify(second.body.errors)).not.toContain(String(first.body.doc.id))

    const viaGraphql = await aula.api.graphql(REGISTER, { id: webinar.id, person })
    expect(viaGraphql.body.errors?.[0]?.message).toBe(second.body.errors[0].message)
    expect(viaGraphql.body.errors?.[0]?.extensions?.data ?? null).toBeNull()
  })

  it('a logged-in student registering themselves twice is still told which enrollment is theirs', async () => {
    const student = await aula.createUser(['student'])
    const webinar = await createWebinar(aula.payload)
    const first = await aula.api.post(`/webinars/${webinar.id}/register`, undefined, { token: student.token })
    const second = await aula.api.post(`/webinars/${webinar.id}/register`, undefined, { token: student.token })
    expect(second.status).toBe(409)
    expect(second.body.errors[0].data).toEqual({ enrollmentId: first.body.doc.id })
  })
})

describe('the lead form', () => {
  const form = (email: string) => ({ email, firstName: 'Patricia', lastName: 'Salas', message: 'Hola' })

  it('a returning person submitting the lead form gets exactly the answer a new person gets, with no lead id', async () => {
    const email = `lead-${Date.now()}@example.com`
    const fresh = await aula.api.post('/leads', form(email))
    const again = await aula.api.post('/leads', form(email))
    const other = await aula.api.post('/leads', form(`other-${email}`))
    const bot = await aula.api.post('/leads', { ...form(`bot-${email}`), website: 'http://spam.example' })
    expect([fresh.status, again.status, other.status, bot.status]).toEqual([201, 201, 201, 201])
    expect(again.body).toEqual(fresh.body)
    expect(other.body).toEqual(fresh.body)
    expect(bot.body).toEqual(fresh.body)
    expect(fresh.body.id).toBeUndefined()
  })
})

describe('login lockout', () => {
  const failLogin = (email: string) => aula.api.post('/users/login', { email, password: 'wrong password' })
  const failGraphqlLogin = (email: string) =>
    aula.api.graphql('mutation ($email: String!) { loginUser(email: $email, password: "wrong password") { token } }', { email })

  it('failing six times on a real account answers exactly like failing on an unknown email (REST)', async () => {
    const real = await aula.createUser(['student'])
    const unknownEmail = `nadie-${Date.now()}@example.com`
    const realAnswers = []
    const unknownAnswers = []
    for (let attempt = 0; attempt < 6; attempt += 1) {
      realAnswers.push(await failLogin(real.email))
      unknownAnswers.push(await failLogin(unknownEmail))
    }
    for (const [index, answer] of realAnswers.entries()) {
      expect(answer.status).toBe(unknownAnswers[index].status)
      expect(answer.body.errors).toEqual(unknownAnswers[index].body.errors)
    }
    expect(realAnswers[5].status).toBe(401)
    // The lock holds: even the right password is refused, with the same words.
    const rightPassword = await aula.api.post('/users/login', { email: real.email, password: real.password })
    expect(rightPassword.status).toBe(401)
    expect(rightPassword.body.errors).toEqual(unknownAnswers[5].body.errors)
  })

  it('timing a failed login does not tell a real account from an unknown email or a locked one (median of 7, within a factor of 2)', async () => {
    const accounts = await Promise.all(Array.from({ length: 8 }, () => aula.createUser(['student'])))
    const locked = accounts.pop()!
    for (let attempt = 0; attempt < 5; attempt += 1) await failLogin(locked.email)
    const timed = async (email: string) => {
      const started = performance.now()
      expect((await failLogin(email)).status).toBe(401)
      return performance.now() - started
    }
    const real: number[] = []
    const unknown: number[] = []
    const lockedTimes: number[] = []
    for (const account of accounts) {
      real.push(await timed(account.email))
      unknown.push(await timed(`nadie-${Math.random()}@example.com`))
      lockedTimes.push(await timed(locked.email))
    }
    for (const other of [unknown, lockedTimes]) {
      const ratio = median(real) / median(other)
      expect(ratio).toBeGreaterThan(0.5)
      expect(ratio).toBeLessThan(2)
    }
  })

  it('failing six times on a real account answers exactly like failing on an unknown email (GraphQL)', async () => {
    const real = await aula.createUser(['student'])
    const unknownEmail = `nadie-gql-${Date.now()}@example.com`
    for (let attempt = 0; attempt < 5; attempt += 1) await failGraphqlLogin(real.email)
    const locked = await failGraphqlLogin(real.email)
    const unknown = await failGraphqlLogin(unknownEmail)
    expect(locked.body.errors?.[0]?.message).toBe(unknown.body.errors?.[0]?.message)
    expect(locked.body.errors?.[0]?.extensions).toMatchObject({ name: unknown.body.errors?.[0]?.extensions?.name, statusCode: 401 })
    expect(locked.text).not.toMatch(/locked/i)
  })
})
