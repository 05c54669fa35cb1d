import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { poolDrizzle, rowsOf } from '../../src/email/database'
import { checkReceiverUrl, type ResolveHost, type WebhookReceiverSettings } from '../../src/webhooks/receiverUrl'
import { readWebhookSecret } from '../../src/webhooks/secret'
import { startTestAula, type TestAula } from '../helpers/aula'
import { errorPaths } from '../helpers/catalog'

type Account = Awaited<ReturnType<TestAula['createUser']>>

let aula: TestAula
let admin: Account

beforeAll(async () => {
  aula = await startTestAula()
  admin = await aula.createUser(['admin'])
}, 120_000)

afterAll(async () => {
  await aula?.close()
})

const SECRET_SHAPE = /^whsec_[A-Za-z0-9_-]{43}$/
let counter = 0
const webhookBody = (overrides: Record<string, unknown> = {}) => ({
  name: `Web pública ${(counter += 1)}`,
  url: 'http://127.0.0.1:4010/aula-webhook',
  events: ['webinar.published', 'webinar.updated'],
  ...overrides,
})

const createWebhook = async (overrides: Record<string, unknown> = {}) => {
  const created = await aula.api.post('/webhooks', webhookBody(overrides), { token: admin.token })
  expect(created.status).toBe(201)
  return { id: created.body.doc.id as number, secret: created.body.doc.secret as string, response: created }
}

const storedSecret = async (id: number) =>
  rowsOf<{ signing_secret: string }>(await poolDrizzle(aula.payload).execute(sql`SELECT signing_secret FROM webhooks WHERE id = ${id}`))[0].signing_secret

type AuditEntry = { action: string; changes: { field: string; from: unknown; to: unknown }[] | null }
const auditEntries = async (id: number) =>
  rowsOf<AuditEntry>(await poolDrizzle(aula.payload).execute(sql`SELECT * FROM audit_log WHERE collection_slug = 'webhooks' AND document_id = ${String(id)} ORDER BY id`))

const webhookCount = async () => (await aula.payload.count({ collection: 'webhooks', overrideAccess: true })).totalDocs

describe('the signing secret is shown once', () => {
  it('an admin creating a webhook gets 201 with its secret, which is the one deliveries are signed with', async () => {
    const { id, secret, response } = await createWebhook()
    expect(secret).toMatch(SECRET_SHAPE)
    expect(response.body.doc).toMatchObject({ active: true, receiverRole: 'public', failureLimit: 10, consecutiveFailures: 0 })
    expect(response.body.doc.signingSecret).toBeUndefined()
    expect(await readWebhookSecret(aula.payload, id)).toBe(secret)
  })

  it('the database holds the secret encrypted, never as the admin saw it', async () => {
    const { id, secret } = await createWebhook()
    const stored = await storedSecret(id)
    expect(stored).toMatch(/^v1\./)
    expect(stored).not.toContain(secret)
    expect(stored).not.toContain('whsec_')
  })

  it('a later REST read, list, GraphQL query or the admin’s own document load never carries it', async () => {
    const { id, secret } = await createWebhook()
    const sealed = await storedSecret(id)
    const one = await aula.api.get(`/webhooks/${id}`, { token: admin.token })
    const list = await aula.api.get('/webhooks?limit=100', { token: admin.token })
    expect(one.status).toBe(200)
    expect(list.status).toBe(200)
    for (const text of [one.text, list.text]) {
      expect(text).not.toContain(secret)
      expect(text).not.toContain(sealed)
    }
    expect(one.body).not.toHaveProperty('secret')
    expect(one.body).not.toHaveProperty('signingSecret')

    const graphql = await aula.api.graphql(`{ Webhook(id: ${id}) { id name url events active } }`, {}, admin.token)
    expect(graphql.body.errors).toBeUndefined()
    expect(graphql.body.data).toEqual({ Webhook: expect.objectContaining({ id, active: true }) })
    const askedForIt = await aula.api.graphql(`{ Webhook(id: ${id}) { signingSecret } }`, {}, admin.token)
    expect(askedForIt.text).not.toContain(sealed)
    // Payload keeps hidden fields in the GraphQL schema; they answer null.
    expect(askedForIt.body.data).toEqual({ Webhook: { signingSecret: null } })
    const filtered = await aula.api.get(`/webhooks?where[signingSecret][like]=v1&depth=0`, { token: admin.token })
    // Nor can it be filtered on: the column answers no question through the API.
    expect(filtered.status).toBe(400)
    expect(filtered.text).not.toContain(sealed)

    // The admin's edit view loads the document like this (as the user, access applied).
    const asAdminView = await aula.payload.findByID({ collection: 'webhooks', id, user: await aula.payload.findByID({ collection: 'users', id: admin.id, overrideAccess: true }), overrideAccess: false, depth: 0 })
    expect(JSON.stringify(asAdminView)).not.toContain(sealed)
    expect(asAdminView).not.toHaveProperty('signingSecret')
  })

  it('rotating gives a new secret, once; the old one no longer signs', async () => {
    const { id, secret: first } = await createWebhook()
    const rotated = await aula.api.post(`/webhooks/${id}/rotate-secret`, undefined, { token: admin.token, headers: { cookie: 'payload-lng=es' } })
    expect(rotated.status).toBe(200)
    expect(rotated.body).toMatchObject({ id, message: 'Cópielo ahora: no se volverá a mostrar.' })
    expect(rotated.body.secret).toMatch(SECRET_SHAPE)
    expect(rotated.body.secret).not.toBe(first)
    expect(await readWebhookSecret(aula.payload, id)).toBe(rotated.body.secret)
    expect((await aula.api.get(`/webhooks/${id}`, { token: admin.token })).text).not.toContain(rotated.body.secret)

    const english = await aula.api.post(`/webhooks/${id}/rotate-secret`, undefined, { token: admin.token, headers: { cookie: 'payload-lng=en' } })
    expect(english.body.message).toBe('Copy it now: it will not be shown again.')
    expect((await aula.api.post('/webhooks/999999/rotate-secret', undefined, { token: admin.token })).status).toBe(404)
  })

  it('the audit log records the webhook’s changes but never its secret, plain or sealed', async () => {
    const { id, secret, response } = await createWebhook()
    const created = response.body.doc
    const sealedAtCreate = await storedSecret(id)
    expect((await aula.api.patch(`/webhooks/${id}`, { name: 'Renombrado' }, { token: admin.token })).status).toBe(200)
    aula.clock.advance(60_000)
    const rotated = await aula.api.post(`/webhooks/${id}/rotate-secret`, undefined, { token: admin.token })
    const entries = await auditEntries(id)
    const logged = JSON.stringify(entries)
    expect(entries.map((entry) => entry.action)).toEqual(['create', 'update', 'update'])
    // Who made a new secret, and when, without the secret.
    expect(entries[2].changes).toEqual([{ field: 'rotatedAt', from: created.rotatedAt, to: aula.clock.now().toISOString() }])
    expect(logged).toContain('Renombrado')
    for (const value of [secret, sealedAtCreate, rotated.body.secret, await storedSecret(id), 'whsec_']) expect(logged).not.toContain(value)
  })

  it('a secret sent by the caller is ignored: every webhook gets its own', async () => {
    const { id, secret } = await createWebhook({ signingSecret: 'v1.chosen.by.caller', secret: 'whsec_mine' })
    expect(secret).not.toBe('whsec_mine')
    expect(await readWebhookSecret(aula.payload, id)).toBe(secret)
    expect((await aula.api.patch(`/webhooks/${id}`, { signingSecret: 'v1.chosen.by.caller' }, { token: admin.token })).status).toBe(200)
    expect(await readWebhookSecret(aula.payload, id)).toBe(secret)
  })
})

describe('only admins', () => {
  it('editors, sales, instructors, students and anonymous callers can neither list, read, create, change nor rotate a webhook', async () => {
    const { id } = await createWebhook()
    const before = await webhookCount()
    for (const role of ['editor', 'sales', 'instructor', 'student'] as const) {
      const { token } = await aula.createUser([role])
      expect((await aula.api.get('/webhooks', { token })).status).toBe(403)
      expect((await aula.api.get(`/webhooks/${id}`, { token })).status).toBe(403)
      expect((await aula.api.post('/webhooks', webhookBody(), { token })).status).toBe(403)
      expect((await aula.api.patch(`/webhooks/${id}`, { active: false }, { token })).status).toBe(403)
      expect((await aula.api.delete(`/webhooks/${id}`, { token })).status).toBe(403)
      expect((await aula.api.post(`/webhooks/${id}/rotate-secret`, undefined, { token })).status).toBe(403)
      const graphql = await aula.api.graphql('{ Webhooks { docs { id url } } }', {}, token)
      expect(graphql.body.data?.Webhooks ?? null).toBeNull()
    }
    expect((await aula.api.get('/webhooks')).status).toBe(403)
    expect((await aula.api.post('/webhooks', webhookBody())).status).toBe(403)
    expect((await aula.api.post(`/webhooks/${id}/rotate-secret`)).status).toBe(401)
    expect(await webhookCount()).toBe(before)
    expect((await aula.api.get(`/webhooks/${id}`, { token: admin.token })).body.active).toBe(true)
  })
})

describe('fields', () => {
  it('a bad URL is a 400 naming `url` in the admin’s language, and nothing is saved', async () => {
    const before = await webhookCount()
    const cases = ['not a url', 'ftp://files.example.com/hook', 'https://user:pass@hooks.example.com/aula', '']
    for (const url of cases) {
      const response = await aula.api.post('/webhooks', webhookBody({ url }), { token: admin.token, headers: { cookie: 'payload-lng=es' } })
      expect(response.status).toBe(400)
      expect(errorPaths(response.body)).toEqual(['url'])
    }
    const spanish = await aula.api.post('/webhooks', webhookBody({ url: 'https://user:pass@hooks.example.com/aula' }), { token: admin.token, headers: { cookie: 'payload-lng=es' } })
    expect(spanish.body.errors[0].data.errors[0].message).toBe('La URL no debe llevar usuario ni contraseña.')
    const english = await aula.api.post('/webhooks', webhookBody({ url: 'https://user:pass@hooks.example.com/aula' }), { token: admin.token, headers: { cookie: 'payload-lng=en' } })
    expect(english.body.errors[0].data.errors[0].message).toBe('The URL must not contain a user name or password.')
    expect(await webhookCount()).toBe(before)
  })

  it('events must be known ones and at least one; the failure limit stays between 1 and 100', async () => {
    const noEvents = await aula.api.post('/webhooks', webhookBody({ events: [] }), { token: admin.token })
    expect(noEvents.status).toBe(400)
    expect(errorPaths(noEvents.body)).toEqual(['events'])
    const unknown = await aula.api.post('/webhooks', webhookBody({ events: ['webinar.deleted'] }), { token: admin.token })
    expect(unknown.status).toBe(400)
    expect(errorPaths(unknown.body)).toEqual(['events'])
    for (const failureLimit of [0, 101]) {
      const response = await aula.api.post('/webhooks', webhookBody({ failureLimit }), { token: admin.token })
      expect(response.status).toBe(400)
      expect(errorPaths(response.body)).toEqual(['failureLimit'])
    }
  })

  it('the failure count and switch-off fields are Aula’s: an admin cannot write them, and switching the webhook back on clears them', async () => {
    const { id } = await createWebhook()
    const typed = await aula.api.patch(`/webhooks/${id}`, { consecutiveFailures: 7, disabledReason: 'a mano' }, { token: admin.token })
    expect(typed.status).toBe(200)
    expect(typed.body.doc).toMatchObject({ consecutiveFailures: 0 })
    expect(typed.body.doc.disabledReason ?? null).toBeNull()

    // What the delivery side does after too many failures.
    await aula.payload.update({ collection: 'webhooks', id, overrideAccess: true, data: { active: false, consecutiveFailures: 10, disabledAt: '2030-01-01T00:00:00.000Z', disabledReason: 'HTTP 500 ten times' } })
    const switchedOn = await aula.api.patch(`/webhooks/${id}`, { active: true }, { token: admin.token })
    expect(switchedOn.status).toBe(200)
    expect(switchedOn.body.doc).toMatchObject({ active: true, consecutiveFailures: 0 })
    expect(switchedOn.body.doc.disabledAt ?? null).toBeNull()
    expect(switchedOn.body.doc.disabledReason ?? null).toBeNull()
  })
})

describe('receiver URLs in production', () => {
  const settings = () => aula.payload.config.custom as { webhookReceivers: WebhookReceiverSettings }
  const asked: string[] = []
  /** What DNS would answer (there is no network in the tests). */
  const dns: Record<string, string[]> = {
    'hooks.example.com': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
    'intranet.example.com': ['10.0.0.5'],
    'rebind.example.com': ['93.184.216.34', '127.0.0.1'],
    'metadata.example.com': ['::ffff:169.254.169.254'],
  }
  const resolve: ResolveHost = async (hostname) => {
    asked.push(hostname)
    if (!dns[hostname]) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' })
    return dns[hostname]
  }
  const inProduction = () => {
    settings().webhookReceivers = { publicReceiversOnly: true, resolve }
  }
  afterEach(() => {
    settings().webhookReceivers = { publicReceiversOnly: false }
  })

  it('outside production a local http receiver is accepted (tests and developers deliver to their own machine)', async () => {
    await createWebhook({ url: 'http://localhost:4010/hook' })
    await createWebhook({ url: 'http://127.0.0.1:4010/hook' })
  })

  it('refuses plain http, localhost, private and local addresses, and names resolving to them; saves nothing', async () => {
    inProduction()
    const before = await webhookCount()
    const refused = [
      'http://hooks.example.com/aula',
      'https://localhost/hook',
      'https://api.localhost/hook',
      'https://127.0.0.1/hook',
      'https://2130706433/hook',
      'https://10.1.2.3/hook',
      'https://172.20.0.1/hook',
      'https://192.168.1.10/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://100.64.0.1/hook',
      'https://0.0.0.0/hook',
      'https://[::1]/hook',
      'https://[fd00::1]/hook',
      'https://[fe80::1]/hook',
      'https://[::ffff:192.168.0.1]/hook',
      'https://intranet.example.com/hook',
      'https://rebind.example.com/hook',
      'https://metadata.example.com/hook',
      'https://nowhere.example.com/hook',
    ]
    for (const url of refused) {
      const response = await aula.api.post('/webhooks', webhookBody({ url }), { token: admin.token, headers: { cookie: 'payload-lng=en' } })
      expect({ url, status: response.status, paths: errorPaths(response.body) }).toEqual({ url, status: 400, paths: ['url'] })
    }
    const rebind = await aula.api.post('/webhooks', webhookBody({ url: 'https://rebind.example.com/hook' }), { token: admin.token, headers: { cookie: 'payload-lng=en' } })
    expect(rebind.body.errors[0].data.errors[0].message).toBe('The URL resolves to a private or local address (rebind.example.com → 127.0.0.1).')
    const http = await aula.api.post('/webhooks', webhookBody({ url: 'http://hooks.example.com/aula' }), { token: admin.token, headers: { cookie: 'payload-lng=es' } })
    expect(http.body.errors[0].data.errors[0].message).toBe('La URL debe usar https en producción.')
    expect(await webhookCount()).toBe(before)
  })

  it('accepts a public https receiver after resolving its name, without sending it anything', async () => {
    inProduction()
    asked.length = 0
    const { id } = await createWebhook({ url: 'https://hooks.example.com/aula' })
    expect(asked).toContain('hooks.example.com')
    expect(await createWebhook({ url: 'https://93.184.216.34/aula' })).toMatchObject({ id: expect.any(Number) })
    const deliveries = await aula.payload.count({ collection: 'webhook-deliveries', where: { webhook: { equals: id } }, overrideAccess: true })
    expect(deliveries.totalDocs).toBe(0)
  })

  it('a saved receiver whose name later points inside does not block unrelated saves (Aula can still switch it off); a new URL is checked again', async () => {
    inProduction()
    dns['moving.example.com'] = ['93.184.216.34']
    const { id } = await createWebhook({ url: 'https://moving.example.com/hook' })
    dns['moving.example.com'] = ['10.0.0.9']
    await aula.payload.update({ collection: 'webhooks', id, overrideAccess: true, data: { active: false, consecutiveFailures: 10, disabledReason: 'HTTP 500 ten times' } })
    expect((await aula.api.patch(`/webhooks/${id}`, { name: 'Renombrado' }, { token: admin.token })).status).toBe(200)
    const moved = await aula.api.patch(`/webhooks/${id}`, { url: 'https://moving.example.com/other' }, { token: admin.token })
    expect(moved.status).toBe(400)
    expect(errorPaths(moved.body)).toEqual(['url'])
  })

  it('checkReceiverUrl returns the addresses it checked, so a delivery can connect to exactly those', async () => {
    expect(await checkReceiverUrl('https://hooks.example.com/aula', { production: true, resolve })).toMatchObject({ ok: true, addresses: dns['hooks.example.com'] })
    expect(await checkReceiverUrl('https://[2606:4700::1111]/aula', { production: true, resolve })).toMatchObject({ ok: true, addresses: ['2606:4700::1111'] })
    for (const address of ['127.0.0.2', '0.1.2.3', '100.127.255.255', '172.31.255.255', '224.0.0.1', '255.255.255.255', '[::]', '[ff02::1]', '[fc00::1]', '[::ffff:7f00:1]', '[64:ff9b::a00:1]']) {
      const check = await checkReceiverUrl(`https://${address}/hook`, { production: true, resolve })
      expect({ address, ok: check.ok }).toEqual({ address, ok: false })
    }
    for (const address of ['172.32.0.1', '100.128.0.1', '11.0.0.1', '[2a00:1450:4001::1]']) {
      const check = await checkReceiverUrl(`https://${address}/hook`, { production: true, resolve })
      expect({ address, ok: check.ok }).toEqual({ address, ok: true })
    }
  })
})
