import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'
import { createCourse, createWebinar } from '../helpers/catalog'
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
  const ENROLL = `mutation ($id: Int!, $person: RegistrationPerson) {
    enrollInCourse(id: $id, person: $person) { id status paymentStatus amount currency priceTier createdAt user { id } }
  }`
  const noticesTo = async (email: string) =>
    (
      await aula.payload.find({
        collection: 'email-log',
        where: { and: [{ to: { equals: email } }, { templateKey: { equals: 'enrollment_already_registered' } }] },
        overrideAccess: true,
        depth: 0,
      })
    ).docs
  const enrollmentsOf = (email: string) =>
    aula.payload.count({ collection: 'enrollments', where: { 'user.email': { equals: email } }, overrideAccess: true }).then((result) => result.totalDocs)

  it('an anonymous caller probing for an existing enrollment gets the 201 a new registration gets, names no person, and the person is told by email', async () => {
    const webinar = await createWebinar(aula.payload, { title: 'Sondeo de inscripciones' })
    const person = stranger()
    const first = await aula.api.post(`/webinars/${webinar.id}/register`, person)
    const probe = await aula.api.post(`/webinars/${webinar.id}/register`, person)
    const fresh = await aula.api.post(`/webinars/${webinar.id}/register`, stranger())
    expect([probe.status, fresh.status]).toEqual([201, 201])
    expect(probe.body.message).toBe(fresh.body.message)
    expect(Object.keys(probe.body.doc).sort()).toEqual(Object.keys(fresh.body.doc).sort())
    expect(probe.body.doc).toMatchObject({ status: fresh.body.doc.status, paymentStatus: fresh.body.doc.paymentStatus, amount: fresh.body.doc.amount })
    expect(probe.body.doc.user).toBeUndefined()
    expect(probe.body.errors).toBeUndefined()
    expect(probe.headers.get('idempotent-replayed')).toBeNull()
    // Nothing new for that person but the email telling them.
    expect(probe.body.doc.id).toBe(first.body.doc.id)
    expect(await enrollmentsOf(person.email)).toBe(1)
    const [notice, ...more] = await noticesTo(person.email)
    expect(more).toHaveLength(0)
    expect(notice).toMatchObject({ status: 'queued', variables: expect.objectContaining({ title: 'Sondeo de inscripciones', cancelUrl: expect.stringContaining(`/api/enrollments/${first.body.doc.id}/cancel-link?token=`) }) })
  })

  it('a logged-in user registering someone else who is already registered gets the same 201 as for anyone new', async () => {
    const webinar = await createWebinar(aula.payload)
    const person = stranger()
    await aula.api.post(`/webinars/${webinar.id}/register`, person)
    const someoneElse = await aula.createUser(['student'])
    const probe = await aula.api.post(`/webinars/${webinar.id}/register`, person, { token: someoneElse.token })
    const fresh = await aula.api.post(`/webinars/${webinar.id}/register`, stranger(), { token: someoneElse.token })
    expect([probe.status, fresh.status]).toEqual([201, 201])
    expect(probe.body.message).toBe(fresh.body.message)
    expect(Object.keys(probe.body.doc).sort()).toEqual(Object.keys(fresh.body.doc).sort())
    expect(await noticesTo(person.email)).toHaveLength(1)
  })

  it('probing enrollInCourse over GraphQL for an existing enrollment answers like a new enrollment, with no user and no error', async () => {
    const course = await createCourse(aula.payload, { regularPrice: 0 })
    const person = stranger()
    const first = await aula.api.graphql(ENROLL, { id: course.id, person })
    const probe = await aula.api.graphql(ENROLL, { id: course.id, person })
    const fresh = await aula.api.graphql(ENROLL, { id: course.id, person: stranger() })
    expect(first.body.errors).toBeUndefined()
    expect(probe.body.errors).toBeUndefined()
    expect(fresh.body.errors).toBeUndefined()
    const { id, createdAt, ...probeSeat } = probe.body.data!.enrollInCourse
    const { id: freshId, createdAt: freshCreatedAt, ...freshSeat } = fresh.body.data!.enrollInCourse
    expect(probeSeat).toEqual(freshSeat)
    expect(probeSeat.user).toBeNull()
    expect(id).toBe(first.body.data!.enrollInCourse.id)
    expect([typeof freshId, typeof createdAt, typeof freshCreatedAt]).toEqual(['number', 'string', 'string'])
    expect(await enrollmentsOf(person.email)).toBe(1)
    expect(await noticesTo(person.email)).toHaveLength(1)
  })

  it('probing the same person again and again mails them once an hour, not once per probe', async () => {
    const webinar = await createWebinar(aula.payload)
    const person = stranger()
    await aula.api.post(`/webinars/${webinar.id}/register`, person)
    for (let probe = 0; probe < 3; probe += 1) expect((await aula.api.post(`/webinars/${webinar.id}/register`, person)).status).toBe(201)
    expect(await noticesTo(person.email)).toHaveLength(1)
    clock.advance(61 * 60_000)
    try {
      await aula.api.post(`/webinars/${webinar.id}/register`, person)
      expect(await noticesTo(person.email)).toHaveLength(2)
    } finally {
      clock.advance(-61 * 60_000)
    }
  })

  it('timing a registration does not tell an existing enrollment from a new one (median of 7, within a factor of 2)', async () => {
    const webinar = await createWebinar(aula.payload)
    const registered = Array.from({ length: 7 }, () => stranger())
    for (const person of registered) await aula.api.post(`/webinars/${webinar.id}/register`, person)
    const accounts = await Promise.all(Array.from({ length: 7 }, () => aula.createUser(['student'])))
    const timed = async (body: Record<string, unknown>) => {
      const started = performance.now()
      expect((await aula.api.post(`/webinars/${webinar.id}/register`, body)).status).toBe(201)
      return performance.now() - started
    }
    const duplicate: number[] = []
    const fresh: number[] = []
    for (const [index, person] of registered.entries()) {
      duplicate.push(await timed(person))
      fresh.push(await timed({ email: accounts[index].email, firstName: 'X', lastName: 'Y' }))
    }
    const ratio = median(duplicate) / median(fresh)
    expect(ratio).toBeGreaterThan(0.5)
    expect(ratio).toBeLessThan(2)
  })

  it('a logged-in student registering themselves twice is still told which enrollment is theirs, with or without their email in the body', async () => {
    const student = await aula.createUser(['student'])
    const webinar = await createWebinar(aula.payload)
    const first = await aula.api.post(`/webinars/${webinar.id}/register`, undefined, { token: student.token })
    const second = await aula.api.post(`/webinars/${webinar.id}/register`, undefined, { token: student.token })
    expect(second.status).toBe(409)
    expect(second.body.errors[0].data).toEqual({ enrollmentId: first.body.doc.id })
    const withOwnEmail = await aula.api.post(`/webinars/${webinar.id}/register`, { email: student.email, firstName: 'A', lastName: 'B' }, { token: student.token })
    expect(withOwnEmail.status).toBe(409)
    expect(withOwnEmail.body.errors[0].data).toEqual({ enrollmentId: first.body.doc.id })
  })

  it('staff registering someone already registered are told which enrollment it is', async () => {
    const admin = await aula.createUser(['admin'])
    const webinar = await createWebinar(aula.payload)
    const person = stranger()
    const first = await aula.api.post(`/webinars/${webinar.id}/register`, person)
    const again = await aula.api.post(`/webinars/${webinar.id}/register`, person, { token: admin.token })
    expect(again.status).toBe(409)
    expect(again.body.errors[0].data).toEqual({ enrollmentId: first.body.doc.id })
    expect(await noticesTo(person.email)).toHaveLength(0)
  })
})

describe('asking for a password reset', () => {
  const settle = () => new Promise((resolve) => setTimeout(resolve, 150))
  const timedReset = async (ask: () => Promise<unknown>) => {
    const started = performance.now()
    await ask()
    const elapsed = performance.now() - started
    // The real account's reset runs after the answer; let it finish before the next sample.
    await settle()
    return elapsed
  }
  const compare = async (ask: (email: string) => Promise<unknown>) => {
    const accounts = await Promise.all(Array.from({ length: 7 }, () => aula.createUser(['student'])))
    const real: number[] = []
    const unknown: number[] = []
    const answers: unknown[] = []
    for (const account of accounts) {
      real.push(await timedReset(async () => answers.push(await ask(account.email))))
      unknown.push(await timedReset(async () => answers.push(await ask(`nadie-${Math.random()}@example.com`))))
    }
    // Same answer for every email, real or not.
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1)
    return median(real) / median(unknown)
  }

  it('timing forgot-password does not tell a real account from an unknown email (REST, median of 7, within a factor of 2)', async () => {
    const ratio = await compare(async (email) => {
      const response = await aula.api.post('/users/forgot-password', { email })
      return { status: response.status, body: response.body }
    })
    expect(ratio).toBeGreaterThan(0.5)
    expect(ratio).toBeLessThan(2)
  })

  it('timing forgotPasswordUser does not tell a real account from an unknown email (GraphQL, median of 7, within a factor of 2)', async () => {
    const ratio = await compare(async (email) => {
      const response = await aula.api.graphql('mutation ($email: String!) { forgotPasswordUser(email: $email) }', { email })
      return response.body
    })
    expect(ratio).toBeGreaterThan(0.5)
    expect(ratio).toBeLessThan(2)
  })

  it('the real account still gets its reset token, after the answer', async () => {
    const account = await aula.createUser(['student'])
    expect((await aula.api.post('/users/forgot-password', { email: ` ${account.email.toUpperCase()} ` })).status).toBe(200)
    const storedToken = async () =>
      (await aula.payload.findByID({ collection: 'users', id: account.id, overrideAccess: true, showHiddenFields: true, depth: 0 })).resetPasswordToken
    for (let wait = 0; wait < 50 && !(await storedToken()); wait += 1) await settle()
    expect(await storedToken()).toEqual(expect.any(String))
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
