import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { seed } from '../../src/seed'
import { startTestAula, type TestAula } from '../helpers/aula'

let aula: TestAula

beforeAll(async () => {
  aula = await startTestAula()
  await seed(aula.payload)
})

afterAll(async () => {
  await aula.close()
})

describe('the demo CRM', () => {
  it('has Spanish-language leads in every stage of the pipeline', async () => {
    const { docs } = await aula.payload.find({ collection: 'leads', pagination: false, depth: 0, overrideAccess: true })
    expect(docs.length).toBeGreaterThanOrEqual(8)
    expect(new Set(docs.map((lead) => lead.stage))).toEqual(new Set(['new', 'contacted', 'qualified', 'proposal', 'negotiation', 'won', 'lost']))
    expect(docs.find((lead) => lead.stage === 'lost')?.lostReason).toBeTruthy()
    expect(docs.some((lead) => (lead.score ?? 0) > 0)).toBe(true)
  })

  it('assigns leads round robin between the two seeded sales users, with the default scoring rules', async () => {
    const settings = await aula.payload.findGlobal({ slug: 'crm-settings', depth: 1, overrideAccess: true })
    expect(settings.autoAssign).toBe(true)
    expect((settings.salesTeam ?? []).map((user) => (typeof user === 'object' ? user.email : user))).toEqual(['ventas@aula.local', 'ventas2@aula.local'])
    expect(settings.scoringRules?.map((rule) => rule.points)).toEqual([20, 20, 10, 10])
  })

  it('keeps the dates of the demo interactions', async () => {
    const { docs } = await aula.payload.find({ collection: 'leads', where: { stage: { equals: 'qualified' } }, depth: 0, overrideAccess: true })
    const interaction = docs[0].interactions?.[0]
    expect(new Date(String(interaction?.at)).getTime()).toBeLessThan(Date.now() - 4 * 24 * 60 * 60 * 1000)
    expect(docs[0].nextActionAt).toBeTruthy()
  })
})
