import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { EMAIL_LOCALES, EMAIL_TEMPLATE_KEYS } from '../../src/email/templateVariables'
import { seedEmailTemplates } from '../../src/seed/emailTemplates'
import { startTestAula, type TestAula } from '../helpers/aula'

let aula: TestAula
let editorToken: string

beforeAll(async () => {
  aula = await startTestAula()
  editorToken = (await aula.createUser(['editor'])).token
})

afterAll(async () => {
  await aula.close()
})

const template = (overrides: Record<string, unknown> = {}) => ({
  key: 'lead_assigned',
  locale: 'en',
  subject: 'New lead: {{leadName}}',
  body: '<p>Hi {{ firstName }}, {{leadName}} from {{company}} is yours: {{leadUrl}}</p>',
  ...overrides,
})

describe('editing email templates', () => {
  it('refuses a body that uses a variable its email does not provide, naming the field and the variable', async () => {
    const response = await aula.api.post('/email-templates', template({ body: '<p>Hi {{firstName}}, see {{meetingLink}}</p>' }), { token: editorToken })
    expect(response.status).toBe(400)
    const error = response.body.errors[0]
    expect(error.data.errors[0].path).toBe('body')
    expect(error.data.errors[0].message).toContain('{{meetingLink}}')
  })

  it('refuses an unknown variable in the subject too', async () => {
    const response = await aula.api.post('/email-templates', template({ subject: 'Hola {{nombre}}' }), { token: editorToken })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].data.errors[0]).toMatchObject({ path: 'subject', message: expect.stringContaining('{{nombre}}') })
  })

  it('saves a template whose variables are all allowed, with or without spaces in the braces', async () => {
    const response = await aula.api.post('/email-templates', template(), { token: editorToken })
    expect(response.status).toBe(201)
  })

  it('answers 400 on key when a template for the same email and language already exists', async () => {
    await aula.api.post('/email-templates', template({ key: 'lead_received', locale: 'es', subject: 'Hola', body: '<p>Hola {{firstName}}</p>' }), { token: editorToken })
    const clash = await aula.api.post('/email-templates', template({ key: 'lead_received', locale: 'es', subject: 'Otra', body: '<p>Otra</p>' }), { token: editorToken })
    expect(clash.status).toBe(400)
    expect(clash.body.errors[0].data.errors[0].path).toBe('key')
  })

  it('lets staff read templates but only editors and admins change them', async () => {
    const sales = await aula.createUser(['sales'])
    expect((await aula.api.get('/email-templates', { token: sales.token })).status).toBe(200)
    expect((await aula.api.post('/email-templates', template({ key: 'payment_failed', subject: 'x', body: 'y' }), { token: sales.token })).status).toBe(403)
  })
})

describe('who can see templates and the email log', () => {
  it('shows anonymous callers neither templates nor the log, through REST', async () => {
    expect((await aula.api.get('/email-templates')).status).toBe(403)
    expect((await aula.api.get('/email-log')).status).toBe(403)
  })

  it('shows anonymous callers neither templates nor the log, through GraphQL', async () => {
    const templates = await aula.api.graphql('{ EmailTemplates { docs { id subject } } }')
    expect(templates.body.data?.EmailTemplates ?? null).toBeNull()
    expect(templates.body.errors?.[0].message).toMatch(/not allowed|permiso/i)
    const log = await aula.api.graphql('{ EmailLogs { docs { id to } } }')
    expect(log.body.data?.EmailLogs ?? null).toBeNull()
  })

  it('lets an editor read the log but nobody create entries through the API', async () => {
    const admin = await aula.createUser(['admin'])
    expect((await aula.api.get('/email-log', { token: editorToken })).status).toBe(200)
    const sales = await aula.createUser(['sales'])
    expect((await aula.api.get('/email-log', { token: sales.token })).status).toBe(403)
    const created = await aula.api.post('/email-log', { to: 'x@example.com', templateKey: 'lead_received', dedupeKey: 'manual' }, { token: admin.token })
    expect(created.status).toBe(403)
  })
})

describe('the seeded templates', () => {
  it('include every email in Spanish and English, and seeding again adds nothing and keeps staff edits', async () => {
    await seedEmailTemplates(aula.payload)
    const { docs } = await aula.payload.find({ collection: 'email-templates', limit: 0, pagination: false, overrideAccess: true })
    for (const key of EMAIL_TEMPLATE_KEYS) {
      for (const locale of EMAIL_LOCALES) expect(docs.some((doc) => doc.key === key && doc.locale === locale)).toBe(true)
    }
    const edited = docs.find((doc) => doc.key === 'lead_assigned' && doc.locale === 'en')
    expect(edited?.subject).toBe('New lead: {{leadName}}')

    expect(await seedEmailTemplates(aula.payload)).toBe(0)
    const again = await aula.payload.count({ collection: 'email-templates', overrideAccess: true })
    expect(again.totalDocs).toBe(EMAIL_TEMPLATE_KEYS.length * EMAIL_LOCALES.length)
  })
})
