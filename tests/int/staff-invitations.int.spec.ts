import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { INVITATION_VALID_DAYS } from '../../src/accounts/invitation'
import { seedEmailTemplates } from '../../src/seed/emailTemplates'
import { startTestAula, type TestAula } from '../helpers/aula'
import { drainQueue, uniqueAddress } from '../helpers/email'
import { SmtpSink } from '../helpers/smtpSink'

/** Staff accounts are invited: an admin gives name, email and roles; the person chooses their password from an emailed link. */
let aula: TestAula
let adminToken: string
const smtp = new SmtpSink()

beforeAll(async () => {
  await smtp.start()
  aula = await startTestAula({ smtpTransport: smtp.transport })
  await seedEmailTemplates(aula.payload)
  adminToken = (await aula.createUser(['admin'])).token
})

afterAll(async () => {
  await aula?.close()
  await smtp.stop()
})

const invite = (data: Record<string, unknown>) => aula.api.post('/users', data, { token: adminToken })
const invitationMail = async (email: string) => {
  await drainQueue(aula.payload)
  return smtp.waitFor((mail) => JSON.stringify(mail.to).includes(email))
}
const linkIn = (html: string) => html.match(/href="([^"]*\/admin\/reset\/([a-f0-9]+))"/)

describe('inviting a person to the team', () => {
  it('an admin gives name, email and roles only: the account exists, verified, with no password anyone knows, and only the chosen role', async () => {
    const email = uniqueAddress('coordinadora')
    const created = await invite({ email, firstName: 'Lucía', lastName: 'Quispe', roles: ['editor'] })
    expect(created.status).toBe(201)
    expect(created.body.doc.roles).toEqual(['editor'])
    expect(created.body.doc._verified).toBe(true)
    // No password was given, so none works, not even an empty one.
    expect((await aula.api.post('/users/login', { email, password: '' })).status).toBeGreaterThanOrEqual(400)
  })

  it('the invited person gets one email in their language with a link that sets the password, and then logs in', async () => {
    const email = uniqueAddress('ventas-nuevo')
    await invite({ email, firstName: 'Tom', roles: ['sales'], language: 'en' })
    const mail = await invitationMail(email)
    expect(mail.subject).toBe('You are invited to Aula: choose your password')
    expect(String(mail.html)).toContain('Hi Tom,')
    expect(String(mail.html)).toContain(`${INVITATION_VALID_DAYS} days`)
    // One email, not also Payload's "confirm your email".
    expect(smtp.messages.filter((message) => JSON.stringify(message.to).includes(email))).toHaveLength(1)

    const [, url, token] = linkIn(String(mail.html)) ?? []
    expect(url).toMatch(/^http:\/\/localhost:3000\/admin\/reset\/[a-f0-9]{40}$/)
    const reset = await aula.api.post('/users/reset-password', { token, password: 'my own secret 2026' })
    expect(reset.status).toBe(200)
    await expect(aula.api.login(email, 'my own secret 2026')).resolves.toEqual(expect.any(String))
  })

  it('a Spanish-speaking person gets the Spanish email', async () => {
    const email = uniqueAddress('instructora')
    await invite({ email, firstName: 'Rosa', roles: ['instructor'] })
    const mail = await invitationMail(email)
    expect(mail.subject).toBe('Te invitaron a Aula: elige tu contraseña')
    expect(String(mail.html)).toContain('Hola Rosa:')
  })

  it(`the link expires after ${INVITATION_VALID_DAYS} days: after that it sets nothing`, async () => {
    const email = uniqueAddress('tarde')
    const created = await invite({ email, firstName: 'Iván', roles: ['editor'] })
    const [, , token] = linkIn(String((await invitationMail(email)).html)) ?? []
    const row = await aula.payload.db.findOne<{ id: number; resetPasswordExpiration: string }>({ collection: 'users', where: { id: { equals: created.body.doc.id } } })
    const validFor = new Date(String(row?.resetPasswordExpiration)).getTime() - Date.now()
    expect(validFor).toBeGreaterThan((INVITATION_VALID_DAYS * 24 - 1) * 3_600_000)
    expect(validFor).toBeLessThanOrEqual(INVITATION_VALID_DAYS * 24 * 3_600_000)

    // Eight days later, as the reset-password operation sees it.
    await aula.payload.db.updateOne({ collection: 'users', id: created.body.doc.id, data: { resetPasswordExpiration: new Date(Date.now() - 60_000).toISOString() }, returning: false })
    const late = await aula.api.post('/users/reset-password', { token, password: 'too late secret' })
    expect(late.status).toBe(403)
    await expect(aula.api.login(email, 'too late secret')).rejects.toThrow()
  })

  it('the link in the email log is for admins only: an editor reading the log does not see it', async () => {
    const editor = await aula.createUser(['editor'])
    const email = uniqueAddress('oculto')
    await invite({ email, firstName: 'Eva', roles: ['sales'] })
    const asEditor = await aula.api.get(`/email-log?where[to][equals]=${encodeURIComponent(email)}&depth=0`, { token: editor.token })
    expect(asEditor.status).toBe(200)
    expect(asEditor.body.docs).toHaveLength(1)
    expect(JSON.stringify(asEditor.body.docs)).not.toContain('/admin/reset/')
  })

  it('an admin must choose the roles: nothing is pre-selected, and saving without one names the roles field', async () => {
    const response = await invite({ email: uniqueAddress('sin-rol'), firstName: 'Sin rol' })
    expect(response.status).toBe(400)
    expect(JSON.stringify(response.body.errors)).toContain('roles')
  })

  it('an admin who types a password keeps the old flow: the person confirms their email first', async () => {
    const email = uniqueAddress('con-clave')
    const created = await invite({ email, password: 'typed by the admin', roles: ['editor'] })
    expect(created.status).toBe(201)
    expect((await aula.api.post('/users/login', { email, password: 'typed by the admin' })).status).toBe(403)
  })

  it('a non-admin cannot invite anyone, and accounts made without a caller (registration, seed) are still students', async () => {
    const sales = await aula.createUser(['sales'])
    const refused = await aula.api.post('/users', { email: uniqueAddress('colado'), roles: ['admin'] }, { token: sales.token })
    expect([401, 403]).toContain(refused.status)
    // No roles given, as registration's own defaults rely on (the generated type says roles are required).
    const withoutRoles = { email: uniqueAddress('alumna'), password: 'a student secret' } as never
    const system = await aula.payload.create({ collection: 'users', overrideAccess: true, disableVerificationEmail: true, data: withoutRoles })
    expect(system.roles).toEqual(['student'])
  })
})
