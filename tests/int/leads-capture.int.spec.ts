import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'
import { createCourse, errorPaths } from '../helpers/catalog'
import { ManualClock } from '../helpers/manualClock'

let aula: TestAula
const clock = new ManualClock('2030-01-10T12:00:00.000Z')
let salesId: number

beforeAll(async () => {
  aula = await startTestAula({ clock })
  salesId = (await aula.createUser(['sales'])).id
})

afterAll(async () => {
  await aula.close()
})

const form = (overrides: Record<string, unknown> = {}) => ({
  firstName: 'Rosa',
  lastName: 'Huamán',
  email: `rosa.${Math.random().toString(36).slice(2)}@empresa.pe`,
  phone: '+51 999 888 777',
  company: 'Minera Andina',
  message: 'Queremos capacitar a nuestro equipo.',
  ...overrides,
})
const findLead = (id: number) => aula.payload.findByID({ collection: 'leads', id, depth: 0, overrideAccess: true })
/** The form's answer names no lead (docs/security.md, "Existence leaks"): tests find it by email. */
const leadsOf = async (email: string) =>
  (await aula.payload.find({ collection: 'leads', where: { email: { equals: email.trim().toLowerCase() } }, sort: '-createdAt', depth: 0, overrideAccess: true })).docs
const submit = async (body: Record<string, unknown>, options?: { token?: string }) => {
  const response = await aula.api.post('/leads', body, options)
  const [lead] = await leadsOf(String(body.email))
  return { response, lead }
}
const THANKS = { message: 'Thank you: we received your request and will be in touch soon.' }

describe('the website submits a lead', () => {
  it('answers 201 with a thank-you and nothing else: no lead id', async () => {
    const { response, lead } = await submit(form({ type: 'corporate', headcount: 25, utmSource: 'google', utmCampaign: 'verano' }))
    expect(response.status).toBe(201)
    expect(response.body).toEqual(THANKS)
    expect(lead).toMatchObject({ firstName: 'Rosa', type: 'corporate', headcount: 25, utmSource: 'google', utmCampaign: 'verano', stage: 'new', source: 'web_form' })
  })

  it('ignores stage, score, assignee, notes, tags and source sent by an anonymous caller', async () => {
    const { response, lead } = await submit(form({ stage: 'won', score: 99, assignedTo: salesId, notes: 'VIP', tags: ['vip'], source: 'referral', convertedAt: '2030-01-01T00:00:00.000Z' }))
    expect(response.status).toBe(201)
    expect(lead).toMatchObject({ stage: 'new', source: 'web_form', convertedAt: null })
    expect(lead.assignedTo ?? null).toBeNull()
    expect(lead.notes ?? null).toBeNull()
    expect(lead.tags ?? []).toEqual([])
    expect(lead.score).toBe(0)
  })

  it('treats a logged-in student like any visitor of the website', async () => {
    const student = await aula.createUser(['student'])
    const { response, lead } = await submit(form({ stage: 'won' }), { token: student.token })
    expect(response.status).toBe(201)
    expect(response.body).toEqual(THANKS)
    expect(lead.stage).toBe('new')
  })

  it('records the course or webinar the person is interested in', async () => {
    const course = await createCourse(aula.payload)
    const { response, lead } = await submit(form({ interest: { relationTo: 'courses', value: course.id } }))
    expect(response.status).toBe(201)
    expect(lead.interest).toEqual({ relationTo: 'courses', value: course.id })
  })

  it('names every bad field in a 400', async () => {
    const response = await aula.api.post('/leads', { firstName: '', email: 'not-an-email', headcount: 'many', type: 'family' })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body).sort()).toEqual(['email', 'firstName', 'headcount', 'lastName', 'type'])
  })

  it('refuses an interest that does not exist with a 400 naming it', async () => {
    const wrongShape = await aula.api.post('/leads', form({ interest: 'excel' }))
    expect(wrongShape.status).toBe(400)
    expect(errorPaths(wrongShape.body)).toEqual(['interest'])
    const unknown = await aula.api.post('/leads', form({ interest: { relationTo: 'webinars', value: 999999 } }))
    expect(unknown.status).toBe(400)
    expect(errorPaths(unknown.body)).toEqual(['interest'])
  })

  it('answers a body that is not JSON with a 400, never a 500', async () => {
    const response = await aula.api.post('/leads', '{"firstName": ')
    expect(response.status).toBe(400)
  })
})

describe('spam and repeat submissions', () => {
  it('pretends to accept a bot that fills the hidden honeypot field, and stores nothing', async () => {
    const before = await aula.payload.count({ collection: 'leads', overrideAccess: true })
    const response = await aula.api.post('/leads', form({ website: 'http://spam.example' }))
    expect(response.status).toBe(201)
    expect(response.body).toEqual(THANKS)
    expect((await aula.payload.count({ collection: 'leads', overrideAccess: true })).totalDocs).toBe(before.totalDocs)
  })

  it('adds a "submitted again" interaction to the open lead instead of creating a duplicate', async () => {
    const email = 'repite@empresa.pe'
    const first = await aula.api.post('/leads', form({ email, message: 'Primera consulta' }))
    clock.advance(60_000)
    const second = await aula.api.post('/leads', form({ email: 'REPITE@empresa.pe', message: 'Sigo interesada en el curso' }))
    expect(second.status).toBe(201)
    expect(second.body).toEqual(first.body)
    const leads = await leadsOf(email)
    expect(leads).toHaveLength(1)
    const lead = await findLead(leads[0].id)
    expect(lead.interactions).toHaveLength(1)
    expect(lead.interactions?.[0]).toMatchObject({ type: 'note', at: clock.now().toISOString(), by: null })
    expect(lead.interactions?.[0].summary).toContain('submitted the form again')
    expect(lead.interactions?.[0].summary).toContain('Sigo interesada en el curso')
  })

  it('matches a lead staff typed with capitals to the same person submitting the form', async () => {
    const admin = await aula.createUser(['admin'])
    const typed = await aula.api.post('/leads', form({ email: ' Carlos.Vega@Empresa.pe ' }), { token: admin.token })
    const submitted = await aula.api.post('/leads', form({ email: 'carlos.vega@empresa.pe' }))
    expect(submitted.body).toEqual(THANKS)
    expect((await leadsOf('carlos.vega@empresa.pe')).map((lead) => lead.id)).toEqual([typed.body.doc.id])
  })

  it('opens a new lead when the earlier one with that email is won or lost', async () => {
    const email = 'vuelve@empresa.pe'
    const { lead: first } = await submit(form({ email }))
    await aula.payload.update({ collection: 'leads', id: first.id, data: { stage: 'lost', lostReason: 'Sin presupuesto' }, overrideAccess: true })
    const { response: second, lead: newest } = await submit(form({ email }))
    expect(second.status).toBe(201)
    expect(newest.id).not.toBe(first.id)
    expect(await leadsOf(email)).toHaveLength(2)
  })

  it('does not open two leads when one person double-clicks the submit button', async () => {
    const email = 'doble@empresa.pe'
    const responses = await Promise.all([aula.api.post('/leads', form({ email })), aula.api.post('/leads', form({ email }))])
    expect(responses.map((response) => response.status)).toEqual([201, 201])
    expect(await leadsOf(email)).toHaveLength(1)
  })
})

describe('staff create leads through the same URL', () => {
  it('gives admins and sales the normal create, with every field and the full document back', async () => {
    const admin = await aula.createUser(['admin'])
    const response = await aula.api.post('/leads', form({ source: 'referral', tags: ['feria'], notes: 'Conocido en la feria' }), { token: admin.token })
    expect(response.status).toBe(201)
    expect(response.body.doc).toMatchObject({ source: 'referral', tags: ['feria'], notes: 'Conocido en la feria' })
  })

  it('keeps the public form from creating leads through GraphQL', async () => {
    const response = await aula.api.graphql('mutation { createLead(data: { firstName: "A", lastName: "B", email: "gql@x.pe", stage: won }) { id } }', {})
    expect(response.body.errors?.length).toBeGreaterThan(0)
    expect((await aula.payload.count({ collection: 'leads', where: { email: { equals: 'gql@x.pe' } }, overrideAccess: true })).totalDocs).toBe(0)
  })
})
