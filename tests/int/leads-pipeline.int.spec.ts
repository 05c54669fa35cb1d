import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'
import { createCourse, createWebinar, errorPaths } from '../helpers/catalog'
import { ManualClock } from '../helpers/manualClock'

type Account = Awaited<ReturnType<TestAula['createUser']>>

let aula: TestAula
const clock = new ManualClock('2030-02-01T15:00:00.000Z')
let admin: Account, sales: Account

beforeAll(async () => {
  aula = await startTestAula({ clock })
  ;[admin, sales] = await Promise.all([aula.createUser(['admin']), aula.createUser(['sales'])])
})

afterAll(async () => {
  await aula.close()
})

const newLead = async (data: Record<string, unknown> = {}) =>
  aula.payload.create({ collection: 'leads', data: { firstName: 'Ana', lastName: 'Paz', email: `ana-${Math.random()}@x.pe`, ...data } as never, overrideAccess: true, depth: 0 })
const findLead = (id: number) => aula.payload.findByID({ collection: 'leads', id, depth: 0, overrideAccess: true })

describe('lead scoring', () => {
  it('scores with the default rules until an admin saves the CRM settings, and says why', async () => {
    const course = await createCourse(aula.payload, { regularPrice: 450 })
    const lead = await newLead({ type: 'corporate', headcount: 12, interest: { relationTo: 'courses', value: course.id }, source: 'referral' })
    expect(lead.score).toBe(60)
    expect(lead.scoreReasons?.map(({ reason, points }) => ({ reason, points }))).toEqual([
      { reason: 'Tipo: Corporativo', points: 20 },
      { reason: '10 personas o más', points: 20 },
      { reason: 'Interés en un curso o webinar de pago', points: 10 },
      { reason: 'Origen: Referido', points: 10 },
    ])
  })

  it('gives no paid-interest points for a free webinar', async () => {
    const webinar = await createWebinar(aula.payload, { isFree: true })
    const lead = await newLead({ interest: { relationTo: 'webinars', value: webinar.id } })
    expect(lead.score).toBe(0)
    expect(lead.scoreReasons).toEqual([])
  })

  it('ignores a score or reasons sent by a client', async () => {
    const response = await aula.api.post('/leads', { firstName: 'A', lastName: 'B', email: 'puntos@x.pe', score: 100, scoreReasons: [{ reason: 'yo', points: 100 }] }, { token: admin.token })
    expect(response.status).toBe(201)
    expect(response.body.doc.score).toBe(0)
    expect(response.body.doc.scoreReasons).toEqual([])
  })

  it('uses the rules staff edit, clamps the total to 0–100 and rescoring follows every save', async () => {
    await aula.payload.updateGlobal({
      slug: 'crm-settings',
      overrideAccess: true,
      data: {
        scoringRules: [
          { condition: 'typeIs', leadType: 'corporate', points: 70 },
          { condition: 'headcountAtLeast', minimum: 50, points: 60, label: 'Grupo grande' },
          { condition: 'hasPhone', points: -30 },
        ],
      },
    })
    const big = await newLead({ type: 'corporate', headcount: 80 })
    expect(big.score).toBe(100)
    expect(big.scoreReasons?.map((row) => row.reason)).toEqual(['Tipo: Corporativo', 'Grupo grande'])
    const negative = await newLead({ phone: '+51 1 555 0101' })
    expect(negative.score).toBe(0)
    expect(negative.scoreReasons?.map((row) => row.points)).toEqual([-30])
    const updated = await aula.payload.update({ collection: 'leads', id: negative.id, data: { type: 'corporate' }, overrideAccess: true })
    expect(updated.score).toBe(40)
  })
})

describe('stages', () => {
  it('refuses to mark a lead lost without a reason, naming lostReason', async () => {
    const lead = await newLead()
    const response = await aula.api.patch(`/leads/${lead.id}`, { stage: 'lost' }, { token: admin.token })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toEqual(['lostReason'])
    expect((await findLead(lead.id)).stage).toBe('new')
    const withReason = await aula.api.patch(`/leads/${lead.id}`, { stage: 'lost', lostReason: 'Eligió otra academia' }, { token: admin.token })
    expect(withReason.status).toBe(200)
  })

  it('stamps convertedAt with the current time when a lead is won, and ignores a client value', async () => {
    const lead = await newLead()
    const response = await aula.api.patch(`/leads/${lead.id}`, { stage: 'won', convertedAt: '2000-01-01T00:00:00.000Z' }, { token: admin.token })
    expect(response.status).toBe(200)
    expect(response.body.doc.convertedAt).toBe(clock.now().toISOString())
  })

  it('allows moving a lead back but records the step back in its stage history', async () => {
    const lead = await newLead()
    await aula.api.patch(`/leads/${lead.id}`, { stage: 'proposal' }, { token: admin.token })
    clock.advance(3_600_000)
    const response = await aula.api.patch(`/leads/${lead.id}`, { stage: 'contacted' }, { token: sales.token })
    expect(response.status).toBe(200)
    const history = (await findLead(lead.id)).stageHistory ?? []
    expect(history.map(({ from, to, movedBack, by }) => ({ from, to, movedBack, by }))).toEqual([
      { from: 'new', to: 'proposal', movedBack: false, by: admin.id },
      { from: 'proposal', to: 'contacted', movedBack: true, by: sales.id },
    ])
    expect(history[1].at).toBe(clock.now().toISOString())
  })

  it('clears convertedAt when a won lead is moved back', async () => {
    const lead = await newLead({ stage: 'won' })
    expect(lead.convertedAt).toBe(clock.now().toISOString())
    const moved = await aula.payload.update({ collection: 'leads', id: lead.id, data: { stage: 'negotiation' }, overrideAccess: true })
    expect(moved.convertedAt ?? null).toBeNull()
    expect(moved.stageHistory?.[0]).toMatchObject({ from: 'won', to: 'negotiation', movedBack: true })
  })
})

describe('interactions', () => {
  it('sets who logged an interaction and when on the server, whatever the client sends', async () => {
    const lead = await newLead()
    clock.set('2030-02-03T10:00:00.000Z')
    const response = await aula.api.patch(
      `/leads/${lead.id}`,
      { interactions: [{ type: 'call', summary: 'Llamada inicial', outcome: 'Interesada', by: admin.id, at: '1999-01-01T00:00:00.000Z', nextAction: 'Enviar propuesta', nextActionAt: '2030-02-05T15:00:00.000Z' }] },
      { token: sales.token },
    )
    expect(response.status).toBe(200)
    const saved = await findLead(lead.id)
    expect(saved.interactions?.[0]).toMatchObject({ by: sales.id, at: '2030-02-03T10:00:00.000Z', outcome: 'Interesada' })
    expect(saved.lastContactedAt).toBe('2030-02-03T10:00:00.000Z')
    expect(saved.nextActionAt).toBe('2030-02-05T15:00:00.000Z')
  })

  it('keeps the author and time of earlier interactions when the lead is saved again', async () => {
    const lead = await newLead()
    clock.set('2030-02-04T09:00:00.000Z')
    await aula.api.patch(`/leads/${lead.id}`, { interactions: [{ type: 'email', summary: 'Envié el temario' }] }, { token: sales.token })
    const first = (await findLead(lead.id)).interactions![0]
    clock.set('2030-02-06T09:00:00.000Z')
    const response = await aula.api.patch(
      `/leads/${lead.id}`,
      {
        interactions: [
          { ...first, by: admin.id, at: '2030-12-31T00:00:00.000Z' },
          { type: 'meeting', summary: 'Reunión con RR. HH.', nextActionAt: '2030-02-10T14:00:00.000Z' },
        ],
      },
      { token: admin.token },
    )
    expect(response.status).toBe(200)
    const saved = await findLead(lead.id)
    expect(saved.interactions?.map(({ by, at }) => ({ by, at }))).toEqual([
      { by: sales.id, at: '2030-02-04T09:00:00.000Z' },
      { by: admin.id, at: '2030-02-06T09:00:00.000Z' },
    ])
    expect(saved.lastContactedAt).toBe('2030-02-06T09:00:00.000Z')
    expect(saved.nextActionAt).toBe('2030-02-10T14:00:00.000Z')
  })

  it('does not count a note as contact', async () => {
    const lead = await newLead()
    await aula.api.patch(`/leads/${lead.id}`, { interactions: [{ type: 'note', summary: 'Parece buen prospecto' }] }, { token: admin.token })
    expect((await findLead(lead.id)).lastContactedAt ?? null).toBeNull()
  })

  it('lets the list sort and filter leads by next action date', async () => {
    const due = await newLead({ lastName: 'Pendiente' })
    await aula.api.patch(`/leads/${due.id}`, { interactions: [{ type: 'call', summary: 'x', nextActionAt: '2030-01-01T00:00:00.000Z' }] }, { token: admin.token })
    const response = await aula.api.get('/leads?where[nextActionAt][less_than]=2030-01-15T00:00:00.000Z&sort=nextActionAt&depth=0', { token: admin.token })
    expect(response.body.docs.map((doc: { id: number }) => doc.id)).toEqual([due.id])
  })
})
