import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'
import { drainQueue, uniqueAddress } from '../helpers/email'
import { ManualClock } from '../helpers/manualClock'
import { SmtpSink } from '../helpers/smtpSink'
import { seedEmailTemplates } from '../../src/seed/emailTemplates'

let aula: TestAula
const smtp = new SmtpSink()
const clock = new ManualClock()

beforeAll(async () => {
  await smtp.start()
  aula = await startTestAula({ smtpTransport: smtp.transport, clock })
  await seedEmailTemplates(aula.payload)
})

afterAll(async () => {
  await aula.close()
  await smtp.stop()
})

/** Who a token logs in as now: the user's id, or null when the token no longer opens a session. */
const whoIs = async (token: string) => (await aula.api.get('/users/me', { token })).body.user?.id ?? null
const whoIsThroughGraphql = async (token: string) => (await aula.api.graphql('{ meUser { user { id } } }', {}, token)).body.data?.meUser?.user?.id ?? null
/** A read only a logged-in user gets: their own account. */
const readOwnAccount = (id: number, token: string) => aula.api.get(`/users/${id}`, { token })

const expectLoggedOut = async (token: string, id: number) => {
  expect(await whoIs(token)).toBeNull()
  expect(await whoIsThroughGraphql(token)).toBeNull()
  expect([401, 403, 404]).toContain((await readOwnAccount(id, token)).status)
}

const stored = (id: number) => aula.payload.findByID({ collection: 'users', id, overrideAccess: true, showHiddenFields: true, depth: 0 }) as Promise<Record<string, any>>

describe('sessions end when the password changes', () => {
  it('a token stolen before its owner changes the password (REST) stops working; the owner stays logged in', async () => {
    const student = await aula.createUser(['student'])
    const stolen = await aula.api.login(student.email, student.password)
    expect(await whoIs(stolen)).toBe(student.id)

    const changed = await aula.api.patch(`/users/${student.id}`, { password: 'a new long secret' }, { token: student.token })
    expect(changed.status).toBe(200)

    await expectLoggedOut(stolen, student.id)
    expect(await whoIs(student.token)).toBe(student.id)
    await expect(aula.api.login(student.email, 'a new long secret')).resolves.toEqual(expect.any(String))
  })

  it('a token stolen before its owner changes the password through GraphQL stops working', async () => {
    const student = await aula.createUser(['student'])
    const stolen = await aula.api.login(student.email, student.password)
    const changed = await aula.api.graphql(
      'mutation ($id: Int!) { updateUser(id: $id, data: { password: "a new long secret" }) { id } }',
      { id: student.id },
      student.token,
    )
    expect(changed.body.errors).toBeUndefined()
    await expectLoggedOut(stolen, student.id)
    expect(await whoIsThroughGraphql(student.token)).toBe(student.id)
  })

  it('when an admin sets someone’s password, every session of that person ends', async () => {
    const admin = await aula.createUser(['admin'])
    const student = await aula.createUser(['student'])
    const second = await aula.api.login(student.email, student.password)
    const changed = await aula.api.patch(`/users/${student.id}`, { password: 'set by the admin' }, { token: admin.token })
    expect(changed.status).toBe(200)
    await expectLoggedOut(student.token, student.id)
    await expectLoggedOut(second, student.id)
    expect(await whoIs(admin.token)).toBe(admin.id)
  })

  it('an intruder’s token stops working once the owner resets the password through the emailed link', async () => {
    const student = await aula.createUser(['student'])
    const intruder = await aula.api.login(student.email, student.password)
    expect((await aula.api.post('/users/forgot-password', { email: student.email })).status).toBe(200)
    const mail = await smtp.waitFor((message) => JSON.stringify(message.to).includes(student.email) && /reset/.test(String(message.html)))
    const token = String(mail.html).match(/\/admin\/reset\/([a-f0-9]+)/)?.[1]

    const reset = await aula.api.post('/users/reset-password', { token, password: 'reset and safe' })
    expect(reset.status).toBe(200)

    await expectLoggedOut(intruder, student.id)
    await expectLoggedOut(student.token, student.id)
    expect(await whoIs(reset.body.token)).toBe(student.id)
  })

  it('a reset through GraphQL ends the old sessions too', async () => {
    const student = await aula.createUser(['student'])
    const intruder = await aula.api.login(student.email, student.password)
    await aula.api.graphql('mutation ($email: String!) { forgotPasswordUser(email: $email) }', { email: student.email })
    // The reset runs after the answer (docs/security.md, "Existence leaks"): its email says it is done.
    await smtp.waitFor((message) => JSON.stringify(message.to).includes(student.email) && /reset/.test(String(message.html)))
    // Payload sends the email inside the reset's transaction: under load the mail can arrive a moment
    // before the token row is committed, so read the token once it is there.
    let resetPasswordToken: unknown = null
    for (let attempt = 0; attempt < 50 && !resetPasswordToken; attempt += 1) {
      ;({ resetPasswordToken } = await stored(student.id))
      if (!resetPasswordToken) await new Promise((resolve) => setTimeout(resolve, 200))
    }
    expect(resetPasswordToken).toEqual(expect.any(String))

    const reset = await aula.api.graphql(
      'mutation ($token: String, $password: String) { resetPasswordUser(token: $token, password: $password) { token } }',
      { token: resetPasswordToken, password: 'reset through graphql' },
    )
    expect(reset.body.errors).toBeUndefined()
    await expectLoggedOut(intruder, student.id)
    expect(await whoIsThroughGraphql(reset.body.data.resetPasswordUser.token)).toBe(student.id)
  })
})

describe('account fields only the system writes', () => {
  const protectedFields = {
    _verified: false,
    _verificationToken: 'chosen-by-me',
    roles: ['admin'],
    sessions: [{ id: 'forged-session', expiresAt: '2099-01-01T00:00:00.000Z' }],
    loginAttempts: 99,
    lockUntil: '2099-01-01T00:00:00.000Z',
    resetPasswordToken: 'chosen-by-me',
    resetPasswordExpiration: '2099-01-01T00:00:00.000Z',
    hash: 'chosen-by-me',
    salt: 'chosen-by-me',
    pendingEmail: 'chosen@example.com',
    pendingEmailTokenHash: 'chosen-by-me',
    pendingEmailExpiresAt: '2099-01-01T00:00:00.000Z',
  }

  for (const [field, value] of Object.entries(protectedFields)) {
    it(`a student who PATCHes their own ${field} changes nothing`, async () => {
      const student = await aula.createUser(['student'])
      const before = await stored(student.id)
      const response = await aula.api.patch(`/users/${student.id}`, { [field]: value }, { token: student.token })
      expect(response.status).toBeLessThan(500)
      const after = await stored(student.id)
      expect(JSON.stringify(after[field] ?? null)).toBe(JSON.stringify(before[field] ?? null))
      expect(await whoIs(student.token)).toBe(student.id)
    })
  }

  it('a student cannot mark themselves verified or forge a session through GraphQL either', async () => {
    const student = await aula.createUser(['student'])
    const response = await aula.api.graphql(
      'mutation ($id: Int!) { updateUser(id: $id, data: { _verified: false }) { id } }',
      { id: student.id },
      student.token,
    )
    expect(response.status).toBeLessThan(500)
    expect((await stored(student.id))._verified).toBe(true)
  })
})

const confirmationFor = async (address: string) => {
  await drainQueue(aula.payload)
  const mail = await smtp.waitFor((message) => JSON.stringify(message.to).toLowerCase().includes(address) && String(message.html).includes('confirm-email-change'))
  const link = String(mail.html).match(/href="([^"]*confirm-email-change\?token=[^"]+)"/)?.[1]
  expect(link).toBeTruthy()
  const url = new URL(link!.replace(/&amp;/g, '&'))
  return { mail, token: url.searchParams.get('token')!, path: `${url.pathname.replace(/^\/api/, '')}${url.search}` }
}

describe('changing one’s email needs the new address to confirm it', () => {
  it('a student who PATCHes their email to someone else’s address keeps their own, and that person’s registrations stay theirs', async () => {
    const student = await aula.createUser(['student'])
    const victim = uniqueAddress('victim')
    const response = await aula.api.patch(`/users/${student.id}`, { email: victim }, { token: student.token })
    expect(response.status).toBe(200)
    expect(response.body.doc.email).toBe(student.email)
    expect(response.body.doc.pendingEmail).toBe(victim)
    expect((await stored(student.id)).email).toBe(student.email)

    const webinar = await createWebinar(aula.payload)
    expect((await aula.api.post(`/webinars/${webinar.id}/register`, { email: victim, firstName: 'Víctima', lastName: 'Real' })).status).toBe(201)
    const { docs } = await aula.payload.find({ collection: 'enrollments', where: { 'item.value': { equals: webinar.id } }, overrideAccess: true, depth: 1 })
    expect(docs).toHaveLength(1)
    expect((docs[0].user as { id: number; email: string }).email).toBe(victim)
    expect((docs[0].user as { id: number }).id).not.toBe(student.id)
  })

  it('the same attempt through GraphQL is held too', async () => {
    const student = await aula.createUser(['student'])
    const victim = uniqueAddress('victim')
    const response = await aula.api.graphql(
      'mutation ($id: Int!, $email: String!) { updateUser(id: $id, data: { email: $email }) { email } }',
      { id: student.id, email: victim },
      student.token,
    )
    expect(response.body.data?.updateUser?.email).toBe(student.email)
    expect((await stored(student.id)).email).toBe(student.email)
    expect((await stored(student.id)).pendingEmail).toBe(victim)
  })

  it('the new address gets a link; opening it only asks, confirming it switches the email, once; the old address is told', async () => {
    const student = await aula.createUser(['student'])
    const newAddress = uniqueAddress('nueva')
    await aula.api.patch(`/users/${student.id}`, { email: newAddress.toUpperCase() }, { token: student.token })
    const { token, path } = await confirmationFor(newAddress)
    expect(smtp.to(student.email).some((mail) => String(mail.html).includes(newAddress))).toBe(true)

    const page = await aula.api.get(path)
    expect(page.status).toBe(200)
    expect(page.text).toContain('<form method="post"')
    expect((await stored(student.id)).email).toBe(student.email)

    const confirmed = await aula.api.post('/users/confirm-email-change', { token })
    expect(confirmed.status).toBe(200)
    expect(confirmed.body.email).toBe(newAddress)
    const after = await stored(student.id)
    expect(after.email).toBe(newAddress)
    expect(after.pendingEmail ?? null).toBeNull()
    await expect(aula.api.login(newAddress, student.password)).resolves.toEqual(expect.any(String))

    expect((await aula.api.post('/users/confirm-email-change', { token })).status).toBe(404)
  })

  it('the confirmation page’s form (a browser POST) confirms too', async () => {
    const student = await aula.createUser(['student'], { language: 'en' })
    const newAddress = uniqueAddress('form')
    await aula.api.patch(`/users/${student.id}`, { email: newAddress }, { token: student.token })
    const { token } = await confirmationFor(newAddress)
    const response = await aula.api.post('/users/confirm-email-change', `token=${encodeURIComponent(token)}`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(response.status).toBe(200)
    expect(response.text).toContain(newAddress)
    expect((await stored(student.id)).email).toBe(newAddress)
  })

  it('a link for an address someone else took meanwhile answers 409 naming email and changes nothing', async () => {
    const student = await aula.createUser(['student'])
    const contested = uniqueAddress('contested')
    await aula.api.patch(`/users/${student.id}`, { email: contested }, { token: student.token })
    const { token } = await confirmationFor(contested)
    await aula.createUser(['student'], { email: contested })

    const response = await aula.api.post('/users/confirm-email-change', { token })
    expect(response.status).toBe(409)
    expect(JSON.stringify(response.body.errors)).toContain('email')
    expect((await stored(student.id)).email).toBe(student.email)
  })

  it('an expired, a guessed or a missing token answers 404 and changes nothing', async () => {
    const student = await aula.createUser(['student'])
    const later = uniqueAddress('later')
    await aula.api.patch(`/users/${student.id}`, { email: later }, { token: student.token })
    const { token } = await confirmationFor(later)
    clock.advance(25 * 60 * 60 * 1000)
    try {
      expect((await aula.api.post('/users/confirm-email-change', { token })).status).toBe(404)
      expect((await aula.api.get(`/users/confirm-email-change?token=${token}`)).status).toBe(404)
    } finally {
      clock.advance(-25 * 60 * 60 * 1000)
    }
    expect((await aula.api.post('/users/confirm-email-change', { token: 'guessed' })).status).toBe(404)
    expect((await aula.api.post('/users/confirm-email-change', {})).status).toBe(404)
    expect((await aula.api.post('/users/confirm-email-change', { token: ['an', 'array'] })).status).toBe(404)
    expect((await stored(student.id)).email).toBe(student.email)
  })

  it('an invalid new address is a 400 naming email', async () => {
    const student = await aula.createUser(['student'])
    const response = await aula.api.patch(`/users/${student.id}`, { email: 'not an address' }, { token: student.token })
    expect(response.status).toBe(400)
    expect(JSON.stringify(response.body.errors)).toContain('email')
  })

  it('an admin changes someone’s email directly (acting for them)', async () => {
    const admin = await aula.createUser(['admin'])
    const student = await aula.createUser(['student'])
    const newAddress = uniqueAddress('by-admin')
    const response = await aula.api.patch(`/users/${student.id}`, { email: newAddress }, { token: admin.token })
    expect(response.status).toBe(200)
    expect((await stored(student.id)).email).toBe(newAddress)
  })
})
