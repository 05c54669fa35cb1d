import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { sql } from '@payloadcms/db-postgres/drizzle'
import { createLocalReq, initTransaction, commitTransaction } from 'payload'

import { createRegistrantAccount } from '../../src/accounts/registrantAccount'
import { poolDrizzle, rowsOf } from '../../src/email/database'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'

/**
 * Accounts a registration creates have no password anyone knows and cost no PBKDF2 hash
 * (src/accounts/registrantAccount.ts, docs/decisions/0029): nobody can log into them with any
 * password until the person claims the account through "forgot password".
 */
let aula: TestAula

beforeAll(async () => {
  aula = await startTestAula()
})

afterAll(async () => {
  await aula.close()
})

const db = () => poolDrizzle(aula.payload)
const userRow = async (email: string) => rowsOf<Record<string, unknown>>(await db().execute(sql`SELECT * FROM users WHERE email = ${email}`))[0]

const waitFor = async <T>(read: () => Promise<T | undefined | null>): Promise<T> => {
  for (let tries = 0; tries < 50; tries += 1) {
    const value = await read()
    if (value) return value
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('timed out waiting')
}

describe('an account created by a registration', () => {
  it('cannot be logged into with any password, and answers exactly like a wrong password on any account', async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 5 })
    const email = `sin-clave-${Date.now()}@example.com`
    expect((await aula.api.post(`/webinars/${webinar.id}/register`, { email, firstName: 'Rosa', lastName: 'Quispe' })).status).toBe(201)
    const stored = await userRow(email)
    // A hash and salt of Payload's own shape (hex, 512 and 32 bytes), so Payload's login runs its full PBKDF2 against them.
    expect(String(stored.hash)).toMatch(/^[0-9a-f]{1024}$/)
    expect(String(stored.salt)).toMatch(/^[0-9a-f]{64}$/)

    const someoneElse = await aula.createUser(['student'])
    const wrongOnRealAccount = await aula.api.post('/users/login', { email: someoneElse.email, password: 'not the password' })
    for (const password of ['', 'password', 'aula-admin-2026', String(stored.salt), String(stored.hash), email]) {
      const attempt = await aula.api.post('/users/login', { email, password })
      expect(attempt.status).toBe(password === '' ? 400 : wrongOnRealAccount.status)
      expect(attempt.body.token).toBeUndefined()
      if (password !== '') expect(attempt.body.errors).toEqual(wrongOnRealAccount.body.errors)
    }
  })

  it('is claimed through "forgot password": the reset sets a real password the person can then log in with', async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 5 })
    const email = `reclamar-${Date.now()}@example.com`
    expect((await aula.api.post(`/webinars/${webinar.id}/register`, { email, firstName: 'Luis', lastName: 'Mamani' })).status).toBe(201)
    const before = await userRow(email)

    expect((await aula.api.post('/users/forgot-password', { email })).status).toBe(200)
    const token = await waitFor(async () => (await userRow(email)).reset_password_token as string | null)
    expect((await aula.api.post('/users/reset-password', { token, password: 'mi clave elegida 2026' })).status).toBe(200)

    const claimed = await userRow(email)
    expect(claimed.hash).not.toBe(before.hash)
    expect(claimed.salt).not.toBe(before.salt)
    const token2 = await aula.api.login(email, 'mi clave elegida 2026')
    const me = await aula.api.get('/users/me', { token: token2 })
    expect(me.body.user).toMatchObject({ email, firstName: 'Luis', roles: ['student'] })
    // And the person's own enrollment is there for them.
    const mine = await aula.api.get('/enrollments', { token: token2 })
    expect(mine.body.docs.map((doc: { item: { value: number | { id: number } } }) => (typeof doc.item.value === 'object' ? doc.item.value.id : doc.item.value))).toEqual([webinar.id])
  })

  it("holds exactly what Payload's own create writes for the same person (column by column, roles and audit entry), but the password hash", async () => {
    const person = { firstName: 'Ana', lastName: 'Pérez Núñez', phone: '+51 999 111 222', company: 'Ópticas del Sur' }
    const email = `igual-${Date.now()}@example.com`
    // Payload's path, as registrations created accounts before: a random password, hashed.
    await aula.payload.create({
      collection: 'users',
      overrideAccess: true,
      disableVerificationEmail: true,
      data: { email, ...person, roles: ['student'], password: 'una clave que nadie sabe 123', _verified: true },
    })
    const viaPayload = await userRow(email)
    const payloadAudit = await auditOf(Number(viaPayload.id))
    await db().execute(sql`DELETE FROM users WHERE id = ${viaPayload.id}`)

    const req = await createLocalReq({}, aula.payload)
    await initTransaction(req)
    await createRegistrantAccount(req, { email, ...person })
    await commitTransaction(req)
    const viaRegistration = await userRow(email)
    const registrationAudit = await auditOf(Number(viaRegistration.id))

    // Not compared: ids and times; the hash and salt (the point); Payload's verification token, which it
    // stores even for an account created verified, where no link carrying it was ever sent.
    const comparable = ({ id: _id, hash: _hash, salt: _salt, created_at: _c, updated_at: _u, _verificationtoken: _t, ...rest }: Record<string, unknown>) => rest
    expect(comparable(viaRegistration)).toEqual(comparable(viaPayload))
    expect(await rolesOf(Number(viaRegistration.id))).toEqual(['student'])
    expect(registrationAudit).toEqual(payloadAudit)
  })
})

async function rolesOf(id: number): Promise<string[]> {
  return rowsOf<{ value: string }>(await db().execute(sql`SELECT value FROM users_roles WHERE parent_id = ${id} ORDER BY "order"`)).map((row) => row.value)
}

async function auditOf(id: number) {
  const rows = rowsOf<{ action: string; collection_slug: string; person_id: number; changes: unknown }>(
    await db().execute(sql`SELECT action, collection_slug, person_id, changes FROM audit_log WHERE collection_slug = 'users' AND document_id = ${String(id)} ORDER BY id`),
  )
  return rows.map(({ person_id, ...rest }) => ({ ...rest, aboutThePerson: person_id === id }))
}
