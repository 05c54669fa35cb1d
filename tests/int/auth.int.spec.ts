import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'
import { SmtpSink } from '../helpers/smtpSink'

let aula: TestAula
const smtp = new SmtpSink()

beforeAll(async () => {
  await smtp.start()
  aula = await startTestAula({ smtpTransport: smtp.transport })
})

afterAll(async () => {
  await aula.close()
  await smtp.stop()
})

describe('logging in', () => {
  it('returns a token through REST and shows the roles in /me', async () => {
    const editor = await aula.createUser(['editor'])
    const login = await aula.api.post('/users/login', { email: editor.email, password: editor.password })
    expect(login.status).toBe(200)
    expect(typeof login.body.token).toBe('string')

    const me = await aula.api.get('/users/me', { token: login.body.token })
    expect(me.status).toBe(200)
    expect(me.body.user.email).toBe(editor.email)
    expect(me.body.user.roles).toEqual(['editor'])
  })

  it('returns a token through GraphQL and meUser shows the roles', async () => {
    const sales = await aula.createUser(['sales'])
    const login = await aula.api.graphql(
      'mutation ($email: String!, $password: String!) { loginUser(email: $email, password: $password) { token user { email roles } } }',
      { email: sales.email, password: sales.password },
    )
    expect(login.body.errors).toBeUndefined()
    const token = login.body.data.loginUser.token
    expect(typeof token).toBe('string')
    expect(login.body.data.loginUser.user.roles).toEqual(['sales'])

    const me = await aula.api.graphql('{ meUser { user { email roles } } }', {}, token)
    expect(me.body.data.meUser.user).toEqual({ email: sales.email, roles: ['sales'] })
  })

  it('carries the roles inside the token, so access checks need no lookup', async () => {
    const instructor = await aula.createUser(['instructor'])
    const claims = JSON.parse(Buffer.from(instructor.token.split('.')[1], 'base64url').toString())
    expect(claims.roles).toEqual(['instructor'])
  })

  it('accepts the email in any case and with spaces around it', async () => {
    const student = await aula.createUser(['student'])
    const login = await aula.api.post('/users/login', { email: `  ${student.email.toUpperCase()} `, password: student.password })
    expect(login.status).toBe(200)
  })

  it('locks an account after five wrong passwords, even for the right password afterwards', async () => {
    const student = await aula.createUser(['student'])
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const wrong = await aula.api.post('/users/login', { email: student.email, password: 'not it' })
      expect(wrong.status).toBe(401)
    }
    const right = await aula.api.post('/users/login', { email: student.email, password: student.password })
    expect(right.status).toBe(401)
    // Said like a wrong password, so lockouts do not tell real accounts apart (docs/security.md, "Existence leaks").
    expect(right.text.toLowerCase()).not.toMatch(/locked|bloquead/)
    const stored = await aula.payload.findByID({ collection: 'users', id: student.id, overrideAccess: true, showHiddenFields: true })
    expect(new Date(String(stored.lockUntil)).getTime()).toBeGreaterThan(Date.now())
  })
})

describe('password reset and email verification', () => {
  it('mails a reset link in the user’s language and the token sets a new password', async () => {
    const student = await aula.createUser(['student'], { language: 'en', firstName: 'Ana' })
    const asked = await aula.api.post('/users/forgot-password', { email: student.email })
    expect(asked.status).toBe(200)

    const mail = await smtp.waitFor((message) => JSON.stringify(message.to).includes(student.email))
    expect(mail.subject).toBe('Reset your Aula password')
    expect(mail.html).toContain('Hello Ana,')
    const token = String(mail.html).match(/\/admin\/reset\/([a-f0-9]+)/)?.[1]
    expect(token).toBeTruthy()

    const reset = await aula.api.post('/users/reset-password', { token, password: 'a brand new secret' })
    expect(reset.status).toBe(200)
    await expect(aula.api.login(student.email, 'a brand new secret')).resolves.toEqual(expect.any(String))
  })

  it('asks a user created by an admin to confirm their email before they can log in', async () => {
    const admin = await aula.createUser(['admin'])
    const email = `nuevo-${Date.now()}@test.aula`
    const created = await aula.api.post('/users', { email, password: 'secret secret', roles: ['editor'] }, { token: admin.token })
    expect(created.status).toBe(201)

    const blocked = await aula.api.post('/users/login', { email, password: 'secret secret' })
    expect(blocked.status).toBe(403)

    const mail = await smtp.waitFor((message) => JSON.stringify(message.to).includes(email))
    expect(mail.subject).toBe('Confirma tu correo en Aula')
    const token = String(mail.html).match(/\/admin\/users\/verify\/([a-f0-9]+)/)?.[1]
    const verified = await aula.api.post(`/users/verify/${token}`)
    expect(verified.status).toBe(200)
    await expect(aula.api.login(email, 'secret secret')).resolves.toEqual(expect.any(String))
  })
})
