import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'

type Account = Awaited<ReturnType<TestAula['createUser']>>

let aula: TestAula
let admin: Account, editor: Account, sales: Account, otherSales: Account, instructor: Account, student: Account
const leadIds: Record<'own' | 'other' | 'unassigned', number> = { own: 0, other: 0, unassigned: 0 }

beforeAll(async () => {
  aula = await startTestAula()
  ;[admin, editor, sales, otherSales, instructor, student] = await Promise.all(
    (['admin', 'editor', 'sales', 'sales', 'instructor', 'student'] as const).map((role) => aula.createUser([role])),
  )
  const create = async (email: string, assignedTo: number | null) => {
    const lead = await aula.payload.create({ collection: 'leads', data: { firstName: 'Luis', lastName: 'Rojas', email, assignedTo } as never, overrideAccess: true, depth: 0 })
    return lead.id
  }
  leadIds.own = await create('propio@x.pe', sales.id)
  leadIds.other = await create('ajeno@x.pe', otherSales.id)
  leadIds.unassigned = await create('libre@x.pe', null)
})

afterAll(async () => {
  await aula.close()
})

const sorted = (...keys: (keyof typeof leadIds)[]) => keys.map((key) => leadIds[key]).sort((a, b) => a - b)
const restIds = async (token?: string) => {
  const response = await aula.api.get('/leads?limit=100&depth=0', { token })
  return response.status === 200 ? response.body.docs.map((doc: { id: number }) => doc.id).sort((a: number, b: number) => a - b) : response.status
}
const graphqlIds = async (token?: string) => {
  const response = await aula.api.graphql('{ Leads(limit: 100) { docs { id } } }', {}, token)
  const docs = response.body.data?.Leads?.docs
  return docs ? docs.map((doc: { id: number }) => doc.id).sort((a: number, b: number) => a - b) : 'denied'
}
const graphqlUpdate = (id: number, token?: string) =>
  aula.api.graphql('mutation ($id: Int!) { updateLead(id: $id, data: { notes: "gql" }) { id } }', { id }, token)
const notesOf = async (id: number) => (await aula.payload.findByID({ collection: 'leads', id, depth: 0, overrideAccess: true })).notes ?? null

describe('who reads leads (REST and GraphQL)', () => {
  it('admins read every lead', async () => {
    expect(await restIds(admin.token)).toEqual(sorted('own', 'other', 'unassigned'))
    expect(await graphqlIds(admin.token)).toEqual(sorted('own', 'other', 'unassigned'))
  })

  it('a sales user reads their own leads and the unassigned ones, never a colleague’s', async () => {
    expect(await restIds(sales.token)).toEqual(sorted('own', 'unassigned'))
    expect(await graphqlIds(sales.token)).toEqual(sorted('own', 'unassigned'))
    expect((await aula.api.get(`/leads/${leadIds.other}`, { token: sales.token })).status).toBe(404)
    const single = await aula.api.graphql('query ($id: Int!) { Lead(id: $id) { id email } }', { id: leadIds.other }, sales.token)
    expect(single.body.data?.Lead ?? null).toBeNull()
  })

  it('editors, instructors, students and anonymous callers read none', async () => {
    for (const token of [editor.token, instructor.token, student.token, undefined]) {
      expect(await restIds(token)).toBe(403)
      expect(await graphqlIds(token)).toBe('denied')
      expect((await aula.api.get(`/leads/${leadIds.unassigned}`, { token })).status).toBe(403)
    }
  })
})

describe('who changes and deletes leads (REST and GraphQL)', () => {
  it('a sales user updates their own and unassigned leads but not a colleague’s', async () => {
    expect((await aula.api.patch(`/leads/${leadIds.own}`, { notes: 'propio' }, { token: sales.token })).status).toBe(200)
    expect((await aula.api.patch(`/leads/${leadIds.unassigned}`, { notes: 'libre' }, { token: sales.token })).status).toBe(200)
    expect((await aula.api.patch(`/leads/${leadIds.other}`, { notes: 'ajeno' }, { token: sales.token })).status).toBe(403)
    await graphqlUpdate(leadIds.other, sales.token)
    expect(await notesOf(leadIds.other)).toBeNull()
    expect((await graphqlUpdate(leadIds.own, sales.token)).body.data?.updateLead?.id).toBe(leadIds.own)
  })

  it('editors, instructors, students and anonymous callers change nothing', async () => {
    for (const token of [editor.token, instructor.token, student.token, undefined]) {
      expect((await aula.api.patch(`/leads/${leadIds.unassigned}`, { notes: 'intruso' }, { token })).status).toBe(403)
      expect((await graphqlUpdate(leadIds.unassigned, token)).body.errors?.length).toBeGreaterThan(0)
      expect((await aula.api.delete(`/leads/${leadIds.unassigned}`, { token })).status).toBe(403)
    }
    expect(await notesOf(leadIds.unassigned)).not.toBe('intruso')
  })

  it('sales never delete leads, not even their own; admins do', async () => {
    expect((await aula.api.delete(`/leads/${leadIds.own}`, { token: sales.token })).status).toBe(403)
    const gql = await aula.api.graphql('mutation ($id: Int!) { deleteLead(id: $id) { id } }', { id: leadIds.own }, sales.token)
    expect(gql.body.errors?.length).toBeGreaterThan(0)
    const extra = await aula.payload.create({ collection: 'leads', data: { firstName: 'B', lastName: 'C', email: 'borrar@x.pe' } as never, overrideAccess: true })
    expect((await aula.api.delete(`/leads/${extra.id}`, { token: admin.token })).status).toBe(200)
  })

  it('only admins and sales create leads with staff fields; editors go through the public form rules', async () => {
    const byEditor = await aula.api.post('/leads', { firstName: 'E', lastName: 'D', email: 'editor-form@x.pe', stage: 'won', notes: 'x' }, { token: editor.token })
    expect(byEditor.status).toBe(201)
    expect(byEditor.body.id).toBeUndefined()
    const { docs: [lead] } = await aula.payload.find({ collection: 'leads', where: { email: { equals: 'editor-form@x.pe' } }, overrideAccess: true })
    expect(lead).toMatchObject({ stage: 'new', notes: null })
    const bySales = await aula.api.post('/leads', { firstName: 'S', lastName: 'D', email: 'sales-form@x.pe', stage: 'qualified' }, { token: sales.token })
    expect(bySales.status).toBe(201)
    expect(bySales.body.doc.stage).toBe('qualified')
  })
})

describe('CSV export of the lead list', () => {
  const exportCsv = (query: string, token?: string) => aula.api.get(`/leads/export.csv${query}`, { token })
  const emailsIn = (csv: string) => csv.trim().split('\r\n').slice(1).map((line) => line.split(',')[3]).sort()

  it('exports the rows a sales user may see: their own and the unassigned ones', async () => {
    const response = await exportCsv('', sales.token)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/csv')
    expect(response.text.split('\r\n')[0]).toContain('ID,Nombre,Apellidos,Correo')
    expect(emailsIn(response.text)).toEqual(['editor-form@x.pe', 'libre@x.pe', 'propio@x.pe', 'sales-form@x.pe'])
  })

  it('honours the list filter', async () => {
    const response = await exportCsv(`?where[assignedTo][equals]=${otherSales.id}`, admin.token)
    expect(emailsIn(response.text)).toEqual(['ajeno@x.pe'])
    const salesFiltered = await exportCsv(`?where[assignedTo][equals]=${otherSales.id}`, sales.token)
    expect(emailsIn(salesFiltered.text)).toEqual([])
  })

  it('streams big exports page by page without losing or repeating a row', async () => {
    await aula.payload.db.drizzle.execute(
      `INSERT INTO leads (first_name, last_name, email, type, stage, source, score, updated_at, created_at)
       SELECT 'Masivo', 'Lead', 'masivo-' || n || '@x.pe', 'individual', 'new', 'web_form', 0, now(), now() FROM generate_series(1, 1203) n` as never,
    )
    const response = await exportCsv('?where[firstName][equals]=Masivo', admin.token)
    const emails = emailsIn(response.text)
    expect(emails).toHaveLength(1203)
    expect(new Set(emails).size).toBe(1203)
  })

  it('refuses editors, students and anonymous callers', async () => {
    expect((await exportCsv('', editor.token)).status).toBe(403)
    expect((await exportCsv('', student.token)).status).toBe(403)
    expect((await exportCsv('')).status).toBe(401)
  })
})
