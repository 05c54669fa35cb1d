import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { sql } from '@payloadcms/db-postgres/drizzle'
import { createLocalReq } from 'payload'

import { renderCampaignEmail } from '../../src/automation/campaigns/render'
import { poolDrizzle, rowsOf } from '../../src/email/database'
import { startTestAula, type TestAula } from '../helpers/aula'
import { errorPaths } from '../helpers/catalog'
import { drainQueue } from '../helpers/email'
import { ManualClock } from '../helpers/manualClock'
import { SmtpSink } from '../helpers/smtpSink'

/**
 * The campaigns collection and its actions (src/collections/Campaigns, src/automation/campaigns):
 * who may use them, what a save or an action refuses (400 naming the field), and that the status
 * moves only through the actions.
 */
let aula: TestAula
const smtp = new SmtpSink()
const clock = new ManualClock(new Date('2030-01-10T15:00:00.000Z'))
const tag = `cmp${Date.now().toString(36)}`
const staff: Record<'admin' | 'editor' | 'sales' | 'instructor' | 'student', { id: number; email: string; token: string }> = {} as never

type Node = Record<string, unknown>
const text = (value: string): Node => ({ type: 'text', version: 1, text: value, format: 0, mode: 'normal', style: '', detail: 0 })
const variable = (name: string): Node => ({ type: 'inlineBlock', version: 1, fields: { id: `v${Math.random().toString(36).slice(2, 10)}`, blockType: 'variable', variable: name, blockName: '' } })
const paragraph = (...children: Node[]): Node => ({ type: 'paragraph', version: 1, children, direction: 'ltr', format: '', indent: 0, textFormat: 0, textStyle: '' })
const doc = (...children: Node[]) => ({ root: { type: 'root', version: 1, children, direction: 'ltr', format: '', indent: 0 } })

const leadsSegment = { kind: 'leads', tags: [tag] }
const campaign = (overrides: Record<string, unknown> = {}) => ({
  name: `Novedades ${tag}`,
  subjectEs: 'Hola {{firstName}}, novedades',
  bodyEs: doc(paragraph(text('Hola '), variable('firstName'), text(', tenemos cursos nuevos.'))),
  segment: leadsSegment,
  ...overrides,
})

const db = () => poolDrizzle(aula.payload)
const create = async (overrides: Record<string, unknown> = {}, token = staff.editor.token) => {
  const response = await aula.api.post('/campaigns', campaign(overrides), { token })
  expect(response.status).toBe(201)
  return response.body.doc as { id: number; status: string }
}
const stored = async (id: number) =>
  (await aula.payload.findByID({ collection: 'campaigns', id, depth: 0, overrideAccess: true })) as unknown as Record<string, unknown>

beforeAll(async () => {
  await smtp.start()
  aula = await startTestAula({ clock, smtpTransport: smtp.transport })
  for (const role of ['admin', 'editor', 'sales', 'instructor', 'student'] as const) staff[role] = await aula.createUser([role], { language: 'es' })
  for (const [label, consent] of [['ana', true], ['beto', true], ['carla', false]] as const) {
    await aula.payload.create({
      collection: 'leads',
      overrideAccess: true,
      context: { skipAssignment: true },
      data: { firstName: label, lastName: 'Lead', email: `${tag}-${label}@campaigns.test`, type: 'individual', tags: [tag], marketingConsent: { granted: consent } } as never,
    })
  }
}, 180_000)

afterAll(async () => {
  await aula?.close()
  await smtp.stop()
})

describe('who may use campaigns', () => {
  it('lets admins, editors and sales write drafts, and keeps instructors, students and strangers out', async () => {
    for (const role of ['admin', 'editor', 'sales'] as const) await create({}, staff[role].token)
    for (const role of ['instructor', 'student'] as const) {
      expect((await aula.api.post('/campaigns', campaign(), { token: staff[role].token })).status).toBe(403)
      expect((await aula.api.get('/campaigns', { token: staff[role].token })).status).toBe(403)
      expect((await aula.api.post('/campaigns/segment-count', { segment: leadsSegment }, { token: staff[role].token })).status).toBe(403)
    }
    expect((await aula.api.post('/campaigns', campaign())).status).toBe(403)
    expect((await aula.api.post('/campaigns/segment-count', { segment: leadsSegment })).status).toBe(401)
  })

  it('a student cannot schedule, cancel, count or test-send someone else’s campaign by its id', async () => {
    const { id } = await create()
    for (const action of ['schedule', 'cancel', 'test-send']) expect((await aula.api.post(`/campaigns/${id}/${action}`, {}, { token: staff.student.token })).status).toBe(403)
    expect((await aula.api.get(`/campaigns/${id}/audience`, { token: staff.student.token })).status).toBe(403)
    expect((await stored(id)).status).toBe('draft')
  })
})

describe('saving a campaign', () => {
  it('refuses a variable a campaign does not know, in the subject or the body, naming the field', async () => {
    const subject = await aula.api.post('/campaigns', campaign({ subjectEs: 'Hola {{title}}' }), { token: staff.editor.token })
    expect(subject.status).toBe(400)
    expect(errorPaths(subject.body)).toEqual(['subjectEs'])
    expect(subject.body.errors[0].data.errors[0].message).toContain('{{title}}')
    const body = await aula.api.post('/campaigns', campaign({ bodyEn: doc(paragraph(text('Your link: {{cancelUrl}}'))) }), { token: staff.editor.token })
    expect(body.status).toBe(400)
    expect(errorPaths(body.body)).toEqual(['bodyEn'])
  })

  it('refuses a variable chip with nothing picked in it, naming the chip’s field in the body', async () => {
    const picked = variable('firstName')
    const unpicked = { ...picked, fields: { ...(picked.fields as Record<string, unknown>), variable: undefined } }
    const response = await aula.api.post('/campaigns', campaign({ bodyEs: doc(paragraph(text('Hola '), unpicked)) }), { token: staff.editor.token })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toEqual(['bodyEs.variable'])
  })

  it('refuses a segment the count would refuse, naming the segment field', async () => {
    const response = await aula.api.post('/campaigns', campaign({ segment: { kind: 'enrolled', from: '2030-03-01T12:00:00Z', until: '2030-02-01T12:00:00Z' } }), { token: staff.editor.token })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toContain('segment.until')
  })

  it('a campaign created with status "sent" and figures is a draft with empty figures', async () => {
    const response = await aula.api.post('/campaigns', campaign({ status: 'sent', sent: 500, recipients: 500 }), { token: staff.editor.token })
    expect(response.status).toBe(201)
    expect(await stored(response.body.doc.id)).toMatchObject({ status: 'draft', sent: 0, recipients: 0 })
  })

  it('an editor who PATCHes the status to "sent" or the figures gets a 400 naming them, and nothing changes', async () => {
    const { id } = await create()
    const response = await aula.api.patch(`/campaigns/${id}`, { status: 'sent', sent: 10, name: 'Cambiado' }, { token: staff.editor.token })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body).sort()).toEqual(['sent', 'status'])
    expect(await stored(id)).toMatchObject({ status: 'draft', sent: 0, name: campaign().name })
    const unchanged = await aula.api.patch(`/campaigns/${id}`, { status: 'draft', name: 'Cambiado' }, { token: staff.editor.token })
    expect(unchanged.status).toBe(200)
  })

  it('the same status change through GraphQL is refused too', async () => {
    const { id } = await create()
    const response = await aula.api.graphql(`mutation { updateCampaign(id: ${id}, data: { status: sent }) { status } }`, {}, staff.editor.token)
    expect(response.body.errors?.length).toBeGreaterThan(0)
    expect((await stored(id)).status).toBe('draft')
  })
})

describe('counting a segment', () => {
  it('counts the unsaved form’s segment: in it, with consent, suppressed, reachable', async () => {
    const response = await aula.api.post('/campaigns/segment-count', { segment: leadsSegment }, { token: staff.sales.token })
    expect(response.status).toBe(200)
    expect(response.body).toEqual({ total: 3, withConsent: 2, suppressed: 0, reachable: 2 })
  })

  it('answers 400 naming the field for a segment it cannot read, never a 500', async () => {
    const response = await aula.api.post('/campaigns/segment-count', { segment: { kind: 'everyone', statuses: 'x' } }, { token: staff.sales.token })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toEqual(expect.arrayContaining(['segment.kind', 'segment.statuses']))
  })

  it('counts a saved campaign’s audience', async () => {
    const { id } = await create()
    const response = await aula.api.get(`/campaigns/${id}/audience`, { token: staff.editor.token })
    expect(response.body).toMatchObject({ reachable: 2 })
  })
})

describe('scheduling and cancelling', () => {
  it('refuses to schedule a campaign without its Spanish content, naming each field', async () => {
    const { id } = await create({ subjectEs: '', bodyEs: null, subjectEn: 'Hello' })
    const response = await aula.api.post(`/campaigns/${id}/schedule`, {}, { token: staff.editor.token })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body).sort()).toEqual(['bodyEn', 'bodyEs', 'subjectEs'])
    expect((await stored(id)).status).toBe('draft')
  })

  it('refuses a send time in the past and a segment that reaches nobody', async () => {
    const { id } = await create({ sendAt: '2030-01-09T15:00:00.000Z', segment: { kind: 'leads', tags: [`${tag}-nobody`] } })
    const response = await aula.api.post(`/campaigns/${id}/schedule`, {}, { token: staff.editor.token })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body).sort()).toEqual(['segment', 'sendAt'])
  })

  it('schedules a draft once (empty send time = now); a second click is a 409; the scheduled campaign is no longer editable', async () => {
    const { id } = await create()
    const first = await aula.api.post(`/campaigns/${id}/schedule`, {}, { token: staff.sales.token })
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ status: 'scheduled', sendAt: clock.now().toISOString(), audience: { reachable: 2 } })
    expect(await stored(id)).toMatchObject({ status: 'scheduled', recipients: 2 })
    expect((await aula.api.post(`/campaigns/${id}/schedule`, {}, { token: staff.sales.token })).status).toBe(409)
    const edit = await aula.api.patch(`/campaigns/${id}`, { subjectEs: 'Otro asunto' }, { token: staff.editor.token })
    expect([403, 404]).toContain(edit.status)
    expect((await stored(id)).subjectEs).toBe(campaign().subjectEs)
  })

  it('cancels a scheduled campaign and its emails still queued; a draft cannot be cancelled', async () => {
    const { id: draftId } = await create()
    expect((await aula.api.post(`/campaigns/${draftId}/cancel`, {}, { token: staff.editor.token })).status).toBe(409)

    const { id } = await create({ sendAt: '2030-01-11T15:00:00.000Z' })
    expect((await aula.api.post(`/campaigns/${id}/schedule`, {}, { token: staff.editor.token })).status).toBe(200)
    const now = clock.now()
    await db().execute(sql`
      INSERT INTO email_log ("to", template_key, locale, variables, status, attempts, dedupe_key, campaign_id, updated_at, created_at)
      VALUES (${`${tag}-ana@campaigns.test`}, 'campaign', 'es', '{}'::jsonb, 'queued', 0, ${`campaign:${id}:${tag}-ana@campaigns.test`}, ${id}, ${now}, ${now})`)
    const response = await aula.api.post(`/campaigns/${id}/cancel`, {}, { token: staff.editor.token })
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ status: 'cancelled', stoppedEmails: 1 })
    expect((await stored(id)).status).toBe('cancelled')
    const [row] = rowsOf<{ status: string }>(await db().execute(sql`SELECT status FROM email_log WHERE campaign_id = ${id}`))
    expect(row.status).toBe('cancelled')
  })
})

describe('test send', () => {
  it('sends the draft to the logged-in staff member only, marked as a test, with the unsubscribe link', async () => {
    const { id } = await create()
    const response = await aula.api.post(`/campaigns/${id}/test-send`, {}, { token: staff.sales.token })
    expect(response.status).toBe(202)
    expect(response.body.to).toBe(staff.sales.email)
    await drainQueue(aula.payload)
    const mail = await smtp.waitFor((message) => JSON.stringify(message.to).includes(staff.sales.email))
    expect(mail.subject).toBe('[Prueba] Hola Test, novedades')
    expect(mail.html).toContain('Hola Test, tenemos cursos nuevos.')
    expect(String(mail.html)).toMatch(/href="[^"]*unsubscribe[^"]*"/)
    expect(smtp.messages.filter((message) => JSON.stringify(message.to).includes(`${tag}-`))).toHaveLength(0)
    expect((await stored(id)).status).toBe('draft')
    expect(await stored(id)).toMatchObject({ sent: 0 })
  })
})

describe('test send of an unfinished campaign', () => {
  it('says what is missing instead of mailing an empty email', async () => {
    const { id } = await create({ subjectEs: '', bodyEs: null })
    const response = await aula.api.post(`/campaigns/${id}/test-send`, {}, { token: staff.editor.token })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body).sort()).toEqual(['bodyEs', 'subjectEs'])
  })
})

describe('rendering a campaign email', () => {
  it('fills the reader’s name escaped, uses their language, and always carries one unsubscribe link', async () => {
    const req = await createLocalReq({}, aula.payload)
    const content = {
      id: 42,
      subjectEs: 'Hola {{firstName}}',
      bodyEs: doc(paragraph(text('Hola '), variable('firstName'))),
      subjectEn: 'Hi {{firstName}}',
      bodyEn: doc(paragraph(text('Leave here: '), variable('unsubscribeUrl'))),
    }
    const reader = { email: 'ana@example.com', firstName: '<b>Ana</b>', lastName: 'P' }
    const spanish = await renderCampaignEmail(req, content, reader, 'es')
    expect(spanish.subject).toBe('Hola <b>Ana</b>')
    expect(spanish.html).toContain('Hola &lt;b&gt;Ana&lt;/b&gt;')
    expect(spanish.html).toContain('Darte de baja')
    expect(spanish.text).toContain('Darte de baja')
    const english = await renderCampaignEmail(req, content, reader, 'en')
    expect(english.subject).toBe('Hi <b>Ana</b>')
    expect(english.html).not.toContain('Unsubscribe</a>')
    expect(english.html.match(/unsubscribe\?token=/g)).toHaveLength(1)
    const fallback = await renderCampaignEmail(req, { ...content, subjectEn: '', bodyEn: null }, reader, 'en')
    expect(fallback.subject).toBe('Hola <b>Ana</b>')
  })

  it('a link staff point at {{unsubscribeUrl}} is saved as typed and opens the reader’s own unsubscribe page', async () => {
    // The campaign editor is the templates' one: Lexical would otherwise save the address as %7B%7BunsubscribeUrl%7D%7D.
    const link = { type: 'link', version: 3, fields: { url: '{{unsubscribeUrl}}', newTab: false, linkType: 'custom' }, children: [text('No quiero más correos')], direction: 'ltr', format: '', indent: 0 }
    const created = await create({ bodyEs: doc(paragraph(text('Si prefieres: '), link as Node)) })
    const body = JSON.stringify((await stored(created.id)).bodyEs)
    expect(body).toContain('"url":"{{unsubscribeUrl}}"')
    const rendered = await renderCampaignEmail(await createLocalReq({}, aula.payload), (await stored(created.id)) as never, { email: 'ana@example.com', firstName: 'Ana', lastName: 'P' }, 'es')
    expect(rendered.html).toMatch(/<a href="[^"]*\/api\/unsubscribe\?token=[^"]+"[^>]*>No quiero más correos<\/a>/)
    expect(rendered.html).not.toContain('%7B')
  })
})
