import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { createLocalReq } from 'payload'

import { isSuppressed } from '../../src/automation/consent/suppression'
import { listUnsubscribeHeaders, readUnsubscribeToken, unsubscribeToken } from '../../src/automation/consent/unsubscribe'
import { cancelToken } from '../../src/enrollment/cancelToken'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'
import { ManualClock } from '../helpers/manualClock'

type Account = Awaited<ReturnType<TestAula['createUser']>>

const clock = new ManualClock('2030-05-10T12:00:00.000Z')
const over = { overrideAccess: true, depth: 0 } as const
const ONE_CLICK = 'List-Unsubscribe=One-Click'
let aula: TestAula
let admin: Account, sales: Account, instructor: Account, student: Account
let secret: string

beforeAll(async () => {
  aula = await startTestAula({ clock })
  ;[admin, sales, instructor, student] = await Promise.all([
    aula.createUser(['admin']),
    aula.createUser(['sales']),
    aula.createUser(['instructor']),
    aula.createUser(['student']),
  ])
  secret = aula.payload.secret
})

afterAll(async () => {
  await aula.close()
})

let counter = 0
const address = (label: string) => `${label}-${(counter += 1)}-${Date.now()}@example.com`
const localReq = () => createLocalReq({}, aula.payload)
const suppressed = async (email: string) => isSuppressed(await localReq(), email)
const suppressionRows = async (email: string) =>
  (await aula.payload.find({ collection: 'email-suppressions', where: { email: { equals: email } }, ...over })).docs
/** The one-click POST a mail client sends from the header: form-encoded, no cookie, no token of ours, another origin. */
const oneClick = (token: string, body = ONE_CLICK) =>
  aula.api.request('POST', `/unsubscribe?token=${encodeURIComponent(token)}`, {
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://mail.example.net' },
  })
const openLink = (token: string) => aula.api.get(`/unsubscribe?token=${encodeURIComponent(token)}`)

/** A person with consent as a user and as a lead, the way a campaign would find them. */
async function consentingPerson() {
  const email = address('reader')
  const user = await aula.payload.create({
    collection: 'users',
    data: { email, password: 'una-clave-larga-2030', roles: ['student'], marketingConsent: { granted: true } },
    ...over,
  })
  const lead = await aula.payload.create({ collection: 'leads', data: { firstName: 'Ana', lastName: 'Ríos', email, type: 'individual', stage: 'new', marketingConsent: { granted: true } }, ...over })
  return { email, userId: user.id as number, leadId: lead.id as number }
}

describe('the List-Unsubscribe headers', () => {
  it('name an https-or-server URL carrying a signed token, and ask for RFC 8058 one-click', () => {
    const headers = listUnsubscribeHeaders({ payload: aula.payload }, 'Ana@Example.com', 7)
    expect(headers['List-Unsubscribe-Post']).toBe(ONE_CLICK)
    const url = new URL(headers['List-Unsubscribe'].replace(/^<|>$/g, ''))
    expect(`${url.origin}${url.pathname}`).toBe(`${aula.payload.config.serverURL}/api/unsubscribe`)
    expect(readUnsubscribeToken(secret, url.searchParams.get('token'))).toEqual({ email: 'ana@example.com', campaignId: 7 })
  })
})

describe('following the link (GET) never unsubscribes', () => {
  it('a link scanner opening the link gets a confirmation page, and the address stays subscribed', async () => {
    const { email, userId } = await consentingPerson()
    const response = await openLink(unsubscribeToken(secret, email))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/html')
    expect(response.text).toContain('Sí, darme de baja')
    expect(response.text).toContain(email)
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    expect(await suppressed(email)).toBe(false)
    const user = await aula.payload.findByID({ collection: 'users', id: userId, ...over })
    expect(user.marketingConsent?.granted).toBe(true)
  })

  it('the page speaks English to a person whose account is in English', async () => {
    const email = address('english')
    await aula.payload.create({ collection: 'users', data: { email, password: 'una-clave-larga-2030', roles: ['student'], language: 'en' }, ...over })
    const response = await openLink(unsubscribeToken(secret, email))
    expect(response.text).toContain('Yes, unsubscribe me')
  })
})

describe('the one-click POST', () => {
  it('from a mail client with no login and a foreign origin suppresses the address and withdraws consent everywhere', async () => {
    const { email, userId, leadId } = await consentingPerson()
    const response = await oneClick(unsubscribeToken(secret, email))
    expect(response.status).toBe(200)
    expect(await suppressed(email)).toBe(true)
    expect((await suppressionRows(email))[0]).toMatchObject({ reason: 'unsubscribed' })
    const user = await aula.payload.findByID({ collection: 'users', id: userId, ...over })
    const lead = await aula.payload.findByID({ collection: 'leads', id: leadId, ...over })
    expect(user.marketingConsent).toMatchObject({ granted: false, withdrawnAt: clock.now().toISOString() })
    expect(lead.marketingConsent).toMatchObject({ granted: false, withdrawnAt: clock.now().toISOString() })
  })

  it('a replayed POST (or a second click) answers 200 again and leaves exactly one suppression', async () => {
    const { email } = await consentingPerson()
    const token = unsubscribeToken(secret, email)
    expect((await oneClick(token)).status).toBe(200)
    clock.advance(60_000)
    expect((await oneClick(token)).status).toBe(200)
    expect((await openLink(token)).status).toBe(200)
    expect(await suppressionRows(email)).toHaveLength(1)
  })

  it('the confirmation page’s own button posts the same way', async () => {
    const email = address('button')
    const page = await openLink(unsubscribeToken(secret, email))
    const action = /<form method="post" action="([^"]+)"/.exec(page.text)?.[1]
    expect(action).toBeDefined()
    const response = await aula.api.request('POST', action!.replace(/^\/api/, '').replace(/&amp;/g, '&'), {
      body: ONE_CLICK,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(response.status).toBe(200)
    expect(await suppressed(email)).toBe(true)
  })

  it('a campaign counts one unsubscribe per address, however often its link is posted, and the row names it', async () => {
    const campaign = await aula.payload.create({ collection: 'campaigns', data: { name: `Novedades ${address('c')}`, segment: { kind: 'leads' }, status: 'draft' }, ...over })
    const first = address('leaver')
    const second = address('leaver')
    for (const email of [first, first, second]) expect((await oneClick(unsubscribeToken(secret, email, campaign.id))).status).toBe(200)
    const after = await aula.payload.findByID({ collection: 'campaigns', id: campaign.id, ...over })
    expect(after.unsubscribed).toBe(2)
    expect((await suppressionRows(first))[0]).toMatchObject({ reason: 'unsubscribed', campaign: campaign.id })
  })

  it('a link from a campaign deleted since still unsubscribes', async () => {
    const campaign = await aula.payload.create({ collection: 'campaigns', data: { name: `Borrada ${address('c')}`, segment: { kind: 'leads' }, status: 'draft' }, ...over })
    await aula.payload.delete({ collection: 'campaigns', id: campaign.id, ...over })
    const email = address('orphan')
    expect((await oneClick(unsubscribeToken(secret, email, campaign.id))).status).toBe(200)
    expect((await suppressionRows(email))[0]).toMatchObject({ reason: 'unsubscribed' })
    expect((await suppressionRows(email))[0].campaign ?? null).toBeNull()
  })

  it('a link mailed before an address was written in capitals still finds it', async () => {
    const email = address('Capitals')
    expect((await oneClick(unsubscribeToken(secret, email.toUpperCase()))).status).toBe(200)
    expect(await suppressed(email.toLowerCase())).toBe(true)
  })
})

describe('a token the server did not sign is refused with a 400 and changes nothing', () => {
  const refusedWithoutEffect = async (token: string, victim: string) => {
    const post = await oneClick(token)
    const get = await openLink(token)
    expect(post.status).toBe(400)
    expect(get.status).toBe(400)
    expect(await suppressed(victim)).toBe(false)
  }

  it('another person’s address swapped into a valid token', async () => {
    const victim = address('victim')
    const [, campaign, signature] = unsubscribeToken(secret, address('attacker')).split('.')
    await refusedWithoutEffect(`${Buffer.from(victim).toString('base64url')}.${campaign}.${signature}`, victim)
  })

  it('a valid token with another campaign id (to inflate that campaign’s figures)', async () => {
    const victim = address('campaign-swap')
    const [encoded, , signature] = unsubscribeToken(secret, victim, 3).split('.')
    await refusedWithoutEffect(`${encoded}.4.${signature}`, victim)
  })

  it('a token signed with another secret, and another Aula link’s token', async () => {
    const victim = address('other-secret')
    await refusedWithoutEffect(unsubscribeToken(`${secret}-other`, victim), victim)
    const encoded = Buffer.from(victim).toString('base64url')
    await refusedWithoutEffect(`${encoded}.0.${cancelToken(secret, 1)}`, victim)
  })

  it('a missing, truncated or padded token', async () => {
    const victim = address('truncated')
    const token = unsubscribeToken(secret, victim)
    await refusedWithoutEffect(token.slice(0, -1), victim)
    await refusedWithoutEffect(`${token}A`, victim)
    await refusedWithoutEffect(`${token}.extra`, victim)
    expect((await aula.api.request('POST', '/unsubscribe', { body: ONE_CLICK, headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(400)
  })

  it('any random string is refused without a 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (token) => {
        expect(readUnsubscribeToken(secret, token)).toBeNull()
        const response = await oneClick(token)
        expect(response.status).toBe(400)
      }),
      { numRuns: 40 },
    )
  })
})

describe('after an unsubscribe, nobody else can sign the person up again', () => {
  it('an anonymous lead form or registration ticking the box for an unsubscribed address records no consent', async () => {
    const { email, userId } = await consentingPerson()
    await oneClick(unsubscribeToken(secret, email))
    const lead = await aula.api.post('/leads', { firstName: 'Ana', lastName: 'Ríos', email, marketingConsent: true })
    expect(lead.status).toBe(201)
    const webinar = await createWebinar(aula.payload, { title: 'Webinar abierto' })
    const registered = await aula.api.post(`/webinars/${webinar.id}/register`, { email, firstName: 'Ana', lastName: 'Ríos', marketingConsent: true })
    expect(registered.status).toBe(201)
    const user = await aula.payload.findByID({ collection: 'users', id: userId, ...over })
    expect(user.marketingConsent?.granted).toBe(false)
    const leads = (await aula.payload.find({ collection: 'leads', where: { email: { equals: email } }, ...over })).docs
    expect(leads.every((row) => row.marketingConsent?.granted === false)).toBe(true)
    expect(await suppressed(email)).toBe(true)
  })

  it('a suppression cannot be lifted or forged through the API by anyone but campaign staff', async () => {
    const email = address('locked')
    await oneClick(unsubscribeToken(secret, email))
    const [row] = await suppressionRows(email)
    for (const caller of [undefined, student.token, instructor.token]) {
      expect([401, 403]).toContain((await aula.api.delete(`/email-suppressions/${row.id}`, { token: caller })).status)
      expect([401, 403]).toContain((await aula.api.post('/email-suppressions', { email: address('forged') }, { token: caller })).status)
      const listed = await aula.api.get('/email-suppressions', { token: caller })
      expect(listed.body.docs ?? []).toEqual([])
      const viaGraphql = await aula.api.graphql('{ EmailSuppressions { docs { email } } }', {}, caller)
      expect(viaGraphql.body.data?.EmailSuppressions?.docs ?? []).toEqual([])
    }
    expect(await suppressed(email)).toBe(true)
    expect((await aula.api.get('/email-suppressions', { token: admin.token })).body.docs.map((doc: { email: string }) => doc.email)).toContain(email)
    expect((await aula.api.delete(`/email-suppressions/${row.id}`, { token: sales.token })).status).toBe(200)
    expect(await suppressed(email)).toBe(false)
  })
})
