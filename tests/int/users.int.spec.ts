import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'

let aula: TestAula

beforeAll(async () => {
  aula = await startTestAula()
})

afterAll(async () => {
  await aula.close()
})

const rolesInDatabase = async (id: number) =>
  (await aula.payload.findByID({ collection: 'users', id, overrideAccess: true, depth: 0 })).roles

describe('who may change roles', () => {
  it('a student who PATCHes their own roles keeps the roles they had', async () => {
    const student = await aula.createUser(['student'])
    const response = await aula.api.patch(`/users/${student.id}`, { roles: ['admin'], company: 'ACME' }, { token: student.token })
    expect(response.status).toBeLessThan(500)
    expect(await rolesInDatabase(student.id)).toEqual(['student'])
  })

  it('a student cannot raise their roles through GraphQL either', async () => {
    const student = await aula.createUser(['student'])
    await aula.api.graphql(
      'mutation ($id: Int!) { updateUser(id: $id, data: { roles: [admin] }) { roles } }',
      { id: student.id },
      student.token,
    )
    expect(await rolesInDatabase(student.id)).toEqual(['student'])
  })

  it('an editor cannot give anyone roles', async () => {
    const editor = await aula.createUser(['editor'])
    const student = await aula.createUser(['student'])
    await aula.api.patch(`/users/${student.id}`, { roles: ['editor'] }, { token: editor.token })
    await aula.api.patch(`/users/${editor.id}`, { roles: ['admin'] }, { token: editor.token })
    expect(await rolesInDatabase(student.id)).toEqual(['student'])
    expect(await rolesInDatabase(editor.id)).toEqual(['editor'])
  })

  it('an admin can change anyone’s roles', async () => {
    const admin = await aula.createUser(['admin'])
    const student = await aula.createUser(['student'])
    const response = await aula.api.patch(`/users/${student.id}`, { roles: ['instructor', 'student'] }, { token: admin.token })
    expect(response.status).toBe(200)
    expect(await rolesInDatabase(student.id)).toEqual(['instructor', 'student'])
  })

  it('a student can update their own profile but not someone else’s', async () => {
    const student = await aula.createUser(['student'])
    const other = await aula.createUser(['student'])
    const own = await aula.api.patch(`/users/${student.id}`, { phone: '+51 999 888 777' }, { token: student.token })
    expect(own.status).toBe(200)
    expect(own.body.doc.phone).toBe('+51 999 888 777')
    const theirs = await aula.api.patch(`/users/${other.id}`, { phone: '000' }, { token: student.token })
    expect([403, 404]).toContain(theirs.status)
  })
})

describe('who may see users', () => {
  it('anonymous REST callers cannot list or read users', async () => {
    const student = await aula.createUser(['student'])
    expect((await aula.api.get('/users')).status).toBe(403)
    expect([403, 404]).toContain((await aula.api.get(`/users/${student.id}`)).status)
  })

  it('anonymous GraphQL callers get no users', async () => {
    await aula.createUser(['student'])
    const response = await aula.api.graphql('{ Users { docs { id email } } }')
    expect(response.body.data?.Users ?? null).toBeNull()
    expect(response.body.errors?.[0]?.message).toBeTruthy()
  })

  it('a student reading the user list sees only themselves', async () => {
    const student = await aula.createUser(['student'])
    await aula.createUser(['student'])
    const response = await aula.api.get('/users', { token: student.token })
    expect(response.status).toBe(200)
    expect(response.body.docs.map((user: { id: number }) => user.id)).toEqual([student.id])
  })

  it('people an admin adds get the roles the admin chose (none pre-selected) and Spanish', async () => {
    const admin = await aula.createUser(['admin'])
    const response = await aula.api.post('/users', { email: `nueva-${Date.now()}@test.aula`, password: 'secret secret', roles: ['editor'] }, { token: admin.token })
    expect(response.status).toBe(201)
    expect(response.body.doc.roles).toEqual(['editor'])
    expect(response.body.doc.language).toBe('es')
  })
})

describe('duplicate emails', () => {
  it('creating a second account with the same email is a 4xx naming email, whatever its case', async () => {
    const admin = await aula.createUser(['admin'])
    const existing = await aula.createUser(['student'])
    const before = await aula.payload.count({ collection: 'users' })
    const response = await aula.api.post('/users', { email: existing.email.toUpperCase(), password: 'secret secret', roles: ['student'] }, { token: admin.token })
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
    expect(JSON.stringify(response.body.errors)).toContain('email')
    expect((await aula.payload.count({ collection: 'users' })).totalDocs).toBe(before.totalDocs)
  })
})
