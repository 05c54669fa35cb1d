import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar, errorPaths } from '../helpers/catalog'
import { ManualClock } from '../helpers/manualClock'

type Account = Awaited<ReturnType<TestAula['createUser']>>

let aula: TestAula
const clock = new ManualClock('2030-01-10T12:00:00.000Z')
let admin: Account, sales: Account, otherSales: Account

beforeAll(async () => {
  aula = await startTestAula({ clock })
  ;[admin, sales, otherSales] = await Promise.all((['admin', 'sales', 'sales'] as const).map((role) => aula.createUser([role])))
})

afterAll(async () => {
  await aula.close()
})

let counter = 0
const newLead = async (data: Record<string, unknown> = {}) =>
  aula.payload.create({
    collection: 'leads',
    data: { firstName: 'Jorge', lastName: 'Quispe', email: `jorge-${(counter += 1)}@cliente.pe`, assignedTo: sales.id, ...data } as never,
    overrideAccess: true,
    depth: 0,
  })
const findLead = (id: number) => aula.payload.findByID({ collection: 'leads', id, depth: 0, overrideAccess: true })
const convert = (id: number, item: unknown, token = sales.token) => aula.api.post(`/leads/${id}/convert`, { item }, { token })

describe('converting a won lead into an enrollment', () => {
  it('enrolls the lead’s person through the enrollment engine and records the enrollment on the lead', async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 10 })
    const lead = await newLead({ stage: 'won', phone: '+51 900 000 001' })
    const response = await convert(lead.id, { relationTo: 'webinars', value: webinar.id })
    expect(response.status).toBe(201)
    expect(response.body.enrollment).toMatchObject({ status: 'confirmed', item: { relationTo: 'webinars', value: webinar.id } })
    const enrollment = await aula.payload.findByID({ collection: 'enrollments', id: response.body.enrollment.id, depth: 1, overrideAccess: true })
    expect(enrollment).toMatchObject({ source: 'admin', user: { email: lead.email, firstName: 'Jorge', phone: '+51 900 000 001' } })
    expect((await findLead(lead.id)).enrollments).toEqual([response.body.enrollment.id])
  })

  it('puts the person on the waiting list when the item is full, as the engine does for everyone', async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 1 })
    await aula.api.post(`/webinars/${webinar.id}/register`, { email: 'primero@x.pe', firstName: 'P', lastName: 'Q' })
    const lead = await newLead({ stage: 'won' })
    const response = await convert(lead.id, { relationTo: 'webinars', value: webinar.id })
    expect(response.status).toBe(201)
    expect(response.body.enrollment.status).toBe('waitlisted')
  })

  it('answers 409 when the person is already enrolled, and records nothing', async () => {
    const webinar = await createWebinar(aula.payload)
    const lead = await newLead({ stage: 'won' })
    expect((await convert(lead.id, { relationTo: 'webinars', value: webinar.id })).status).toBe(201)
    const again = await convert(lead.id, { relationTo: 'webinars', value: webinar.id })
    expect(again.status).toBe(409)
    expect((await findLead(lead.id)).enrollments).toHaveLength(1)
  })

  it('refuses to convert a lead that is not won (409) or without an item (400 naming it)', async () => {
    const lead = await newLead({ stage: 'negotiation' })
    const webinar = await createWebinar(aula.payload)
    expect((await convert(lead.id, { relationTo: 'webinars', value: webinar.id })).status).toBe(409)
    const won = await newLead({ stage: 'won' })
    const missing = await convert(won.id, undefined)
    expect(missing.status).toBe(400)
    expect(errorPaths(missing.body)).toEqual(['item'])
  })

  it('answers 404 to a sales user converting a colleague’s lead, and 403 to a student', async () => {
    const lead = await newLead({ stage: 'won' })
    const webinar = await createWebinar(aula.payload)
    expect((await convert(lead.id, { relationTo: 'webinars', value: webinar.id }, otherSales.token)).status).toBe(404)
    const student = await aula.createUser(['student'])
    expect((await convert(lead.id, { relationTo: 'webinars', value: webinar.id }, student.token)).status).toBe(403)
    expect((await aula.api.post(`/leads/${lead.id}/convert`, { item: { relationTo: 'webinars', value: webinar.id } })).status).toBe(401)
  })
})

describe('merging two leads of one person', () => {
  it('keeps one lead with the interactions, notes and tags of both, and deletes the other', async () => {
    clock.set('2030-01-11T09:00:00.000Z')
    const kept = await newLead({ notes: 'Pidió descuento', tags: ['corporativo'] })
    await aula.api.patch(`/leads/${kept.id}`, { interactions: [{ type: 'call', summary: 'Primera llamada' }] }, { token: sales.token })
    clock.set('2030-01-12T09:00:00.000Z')
    const other = await newLead({ email: 'jorge.personal@gmail.com', company: 'Textiles Quispe', notes: 'Prefiere WhatsApp', tags: ['whatsapp', 'corporativo'] })
    await aula.api.patch(`/leads/${other.id}`, { interactions: [{ type: 'whatsapp', summary: 'Escribió por WhatsApp' }] }, { token: admin.token })
    clock.set('2030-01-13T09:00:00.000Z')

    const response = await aula.api.post(`/leads/${kept.id}/merge`, { otherId: other.id }, { token: sales.token })
    expect(response.status).toBe(200)
    const merged = await findLead(kept.id)
    expect(merged.interactions?.map(({ summary, by, at }) => ({ summary, by, at }))).toEqual([
      { summary: 'Primera llamada', by: sales.id, at: '2030-01-11T09:00:00.000Z' },
      { summary: 'Escribió por WhatsApp', by: admin.id, at: '2030-01-12T09:00:00.000Z' },
      { summary: expect.stringContaining(`#${other.id}`), by: sales.id, at: '2030-01-13T09:00:00.000Z' },
    ])
    expect(merged.notes).toContain('Pidió descuento')
    expect(merged.notes).toContain('Prefiere WhatsApp')
    expect(merged.tags).toEqual(['corporativo', 'whatsapp'])
    expect(merged.company).toBe('Textiles Quispe')
    expect(merged.lastContactedAt).toBe('2030-01-12T09:00:00.000Z')
    expect(await aula.payload.count({ collection: 'leads', where: { id: { equals: other.id } }, overrideAccess: true })).toMatchObject({ totalDocs: 0 })
  })

  it('refuses a merge into itself (400) or with a lead the caller cannot work on (404)', async () => {
    const mine = await newLead()
    const theirs = await newLead({ assignedTo: otherSales.id })
    const self = await aula.api.post(`/leads/${mine.id}/merge`, { otherId: mine.id }, { token: sales.token })
    expect(self.status).toBe(400)
    expect(errorPaths(self.body)).toEqual(['otherId'])
    expect((await aula.api.post(`/leads/${mine.id}/merge`, { otherId: theirs.id }, { token: sales.token })).status).toBe(404)
    expect(await aula.payload.count({ collection: 'leads', where: { id: { in: [mine.id, theirs.id] } }, overrideAccess: true })).toMatchObject({ totalDocs: 2 })
  })
})
