import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'

type Account = Awaited<ReturnType<TestAula['createUser']>>

let aula: TestAula
let admin: Account, salesA: Account, salesB: Account, salesC: Account

beforeAll(async () => {
  aula = await startTestAula()
  ;[admin, salesA, salesB, salesC] = await Promise.all((['admin', 'sales', 'sales', 'sales'] as const).map((role) => aula.createUser([role])))
})

afterAll(async () => {
  await aula.close()
})

const setTeam = (salesTeam: number[], autoAssign = true) =>
  aula.payload.updateGlobal({ slug: 'crm-settings', data: { salesTeam, autoAssign }, overrideAccess: true })
/** Posts the public form; its answer names no lead (docs/security.md, "Existence leaks"), so the lead is found by email. */
const submit = async (n: number | string) => {
  const email = `lead-${n}-${Math.random().toString(36).slice(2)}@x.pe`
  const response = await aula.api.post('/leads', { firstName: 'Lead', lastName: String(n), email })
  const { docs } = await aula.payload.find({ collection: 'leads', where: { email: { equals: email } }, depth: 0, overrideAccess: true })
  return { status: response.status, id: docs[0]?.id as number }
}
const assigneeOf = async (id: number) => (await aula.payload.findByID({ collection: 'leads', id, depth: 0, overrideAccess: true })).assignedTo ?? null
const countBy = (assignees: unknown[]) => assignees.reduce<Record<string, number>>((counts, id) => ({ ...counts, [String(id)]: (counts[String(id)] ?? 0) + 1 }), {})

describe('round-robin assignment of new leads', () => {
  it('leaves new leads unassigned while no sales team is set', async () => {
    const response = await submit('sin-equipo')
    expect(await assigneeOf(response.id)).toBeNull()
  })

  it('hands 9 leads to 3 sales users in turn, exactly 3 each, in the team order', async () => {
    await setTeam([salesA.id, salesB.id, salesC.id])
    const assignees: unknown[] = []
    for (let n = 0; n < 9; n += 1) assignees.push(await assigneeOf((await submit(n)).id))
    const order = [salesA.id, salesB.id, salesC.id]
    expect(assignees).toEqual([...order, ...order, ...order])
  })

  it('stays fair when 9 forms are submitted at the same moment', async () => {
    const responses = await Promise.all(Array.from({ length: 9 }, (_, n) => submit(`simultaneo-${n}`)))
    expect(responses.every((response) => response.status === 201)).toBe(true)
    const assignees = await Promise.all(responses.map((response) => assigneeOf(response.id)))
    expect(countBy(assignees)).toEqual({ [salesA.id]: 3, [salesB.id]: 3, [salesC.id]: 3 })
  })

  it('skips a team member who no longer has the sales role', async () => {
    await aula.payload.update({ collection: 'users', id: salesC.id, data: { roles: ['student'] }, overrideAccess: true })
    const assignees: unknown[] = []
    for (let n = 0; n < 4; n += 1) assignees.push(await assigneeOf((await submit(`sin-c-${n}`)).id))
    expect(assignees).not.toContain(salesC.id)
    expect(countBy(assignees)).toEqual({ [salesA.id]: 2, [salesB.id]: 2 })
    await aula.payload.update({ collection: 'users', id: salesC.id, data: { roles: ['sales'] }, overrideAccess: true })
  })

  it('assigns nothing when automatic assignment is switched off', async () => {
    await setTeam([salesA.id, salesB.id], false)
    expect(await assigneeOf((await submit('apagado')).id)).toBeNull()
    await setTeam([salesA.id, salesB.id, salesC.id])
  })
})

describe('who may change the assignee', () => {
  const unassignedLead = async () => {
    const lead = await aula.payload.create({ collection: 'leads', data: { firstName: 'Libre', lastName: 'X', email: `libre-${Math.random()}@x.pe`, assignedTo: null } as never, overrideAccess: true, depth: 0 })
    await aula.payload.update({ collection: 'leads', id: lead.id, data: { assignedTo: null }, overrideAccess: true })
    return lead.id
  }

  it('lets a sales user take an unassigned lead for themselves', async () => {
    const id = await unassignedLead()
    const response = await aula.api.patch(`/leads/${id}`, { assignedTo: salesA.id }, { token: salesA.token })
    expect(response.status).toBe(200)
    expect(await assigneeOf(id)).toBe(salesA.id)
  })

  it('refuses with 403 when a sales user gives an unassigned lead to a colleague', async () => {
    const id = await unassignedLead()
    const response = await aula.api.patch(`/leads/${id}`, { assignedTo: salesB.id }, { token: salesA.token })
    expect(response.status).toBe(403)
    expect(await assigneeOf(id)).toBeNull()
  })

  it('refuses with 403 when a sales user passes on or drops their own lead', async () => {
    const id = await unassignedLead()
    await aula.api.patch(`/leads/${id}`, { assignedTo: salesA.id }, { token: salesA.token })
    expect((await aula.api.patch(`/leads/${id}`, { assignedTo: salesB.id }, { token: salesA.token })).status).toBe(403)
    expect((await aula.api.patch(`/leads/${id}`, { assignedTo: null }, { token: salesA.token })).status).toBe(403)
    expect(await assigneeOf(id)).toBe(salesA.id)
  })

  it('lets a sales user edit their lead while leaving the assignee as it is', async () => {
    const id = await unassignedLead()
    await aula.api.patch(`/leads/${id}`, { assignedTo: salesA.id }, { token: salesA.token })
    const response = await aula.api.patch(`/leads/${id}`, { stage: 'contacted', assignedTo: salesA.id }, { token: salesA.token })
    expect(response.status).toBe(200)
  })

  it('lets an admin reassign any lead', async () => {
    const id = await unassignedLead()
    await aula.api.patch(`/leads/${id}`, { assignedTo: salesA.id }, { token: salesA.token })
    const response = await aula.api.patch(`/leads/${id}`, { assignedTo: salesB.id }, { token: admin.token })
    expect(response.status).toBe(200)
    expect(await assigneeOf(id)).toBe(salesB.id)
  })

  it('lets only admins change the CRM settings', async () => {
    const bySales = await aula.api.post('/globals/crm-settings', { autoAssign: false }, { token: salesA.token })
    expect(bySales.status).toBe(403)
    const read = await aula.api.get('/globals/crm-settings', { token: salesA.token })
    expect(read.status).toBe(200)
    expect((await aula.api.get('/globals/crm-settings')).status).toBe(403)
  })
})
