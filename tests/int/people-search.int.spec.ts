import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'
import { countStatements } from '../helpers/countStatements'
import { ManualClock } from '../helpers/manualClock'

type Account = Awaited<ReturnType<TestAula['createUser']>>

let aula: TestAula
let admin: Account, sales: Account, student: Account
let counter = 0
const unique = () => `${Date.now().toString(36)}${(counter += 1)}`

beforeAll(async () => {
  aula = await startTestAula({ clock: new ManualClock('2030-01-10T12:00:00.000Z') })
  ;[admin, sales, student] = await Promise.all((['admin', 'sales', 'student'] as const).map((role) => aula.createUser([role])))
})

afterAll(async () => {
  await aula.close()
})

/** A person registered through the website (as people arrive), with a payment recorded by the server. */
async function registeredPerson(person: { firstName: string; lastName: string; company: string }) {
  const email = `persona-${unique()}@cliente.pe`
  const webinar = await createWebinar(aula.payload)
  const response = await aula.api.post(`/webinars/${webinar.id}/register`, { email, ...person })
  expect(response.status).toBe(201)
  const enrollment = await aula.payload.findByID({ collection: 'enrollments', id: response.body.doc.id, depth: 0, overrideAccess: true })
  const userId = enrollment.user as number
  const payment = await aula.payload.create({
    collection: 'payments',
    data: { enrollment: enrollment.id, user: userId, amount: 150, currency: 'PEN', status: 'succeeded' },
    overrideAccess: true,
    depth: 0,
  })
  return { email, userId, enrollmentId: enrollment.id as number, paymentId: payment.id as number }
}

/** What the admin list's search box sends: `searchText like <words>`, here over REST. */
const search = async (collection: string, words: string, token = admin.token) => {
  const response = await aula.api.get(`/${collection}?depth=0&limit=100&where[or][0][searchText][like]=${encodeURIComponent(words)}`, { token })
  expect(response.status).toBe(200)
  return (response.body.docs as Array<{ id: number }>).map((doc) => doc.id)
}

describe('staff find people by name, email and company', () => {
  it('finds a person’s enrollment, payment and account by name without accents, by email and by company', async () => {
    const maria = await registeredPerson({ firstName: 'María José', lastName: 'Quispe', company: 'Minera Andina' })
    const other = await registeredPerson({ firstName: 'Pedro', lastName: 'Salas', company: 'Textil Norte' })
    for (const words of ['maria jose', 'QUISPE María', maria.email, 'minera andina']) {
      const enrollments = await search('enrollments', words)
      expect(enrollments).toContain(maria.enrollmentId)
      expect(enrollments).not.toContain(other.enrollmentId)
      const payments = await search('payments', words)
      expect(payments).toContain(maria.paymentId)
      expect(payments).not.toContain(other.paymentId)
      expect(await search('users', words)).toEqual([maria.userId])
    }
  })

  it('finds a lead by name, email or company, accents and case aside', async () => {
    const email = `rocio-${unique()}@cementos.pe`
    const lead = await aula.payload.create({
      collection: 'leads',
      data: { firstName: 'Rocío', lastName: 'Huamán', email, company: 'Cementos del Sur', assignedTo: sales.id } as never,
      overrideAccess: true,
      depth: 0,
    })
    for (const words of ['rocio huaman', 'HUAMÁN', email, 'cementos']) {
      expect(await search('leads', words)).toContain(lead.id)
      expect(await search('leads', words, sales.token)).toContain(lead.id)
    }
  })

  it('a renamed person is found under the new name, and no longer under the old one, in enrollments and payments', async () => {
    const person = await registeredPerson({ firstName: 'Juana', lastName: 'Pari', company: 'Agro Sur' })
    const renamed = await aula.api.patch(`/users/${person.userId}`, { firstName: 'Rosa', company: 'Pesquera Ilo' }, { token: admin.token })
    expect(renamed.status).toBe(200)
    expect(await search('enrollments', 'rosa pari')).toContain(person.enrollmentId)
    expect(await search('payments', 'pesquera ilo')).toContain(person.paymentId)
    expect(await search('enrollments', 'juana')).not.toContain(person.enrollmentId)
    expect(await search('payments', 'agro sur')).not.toContain(person.paymentId)
  })

  it('re-syncing a person with many enrollments costs the same few statements as one with a single enrollment (no N+1)', async () => {
    const person = await registeredPerson({ firstName: 'Elena', lastName: 'Vera', company: 'Banco Uno' })
    const rename = (userId: number, firstName: string) =>
      countStatements(aula.payload, () => aula.payload.update({ collection: 'users', id: userId, data: { firstName }, overrideAccess: true, depth: 0 }))
    const single = await rename(person.userId, 'Elena María')
    for (let index = 0; index < 5; index += 1) {
      const webinar = await createWebinar(aula.payload)
      expect((await aula.api.post(`/webinars/${webinar.id}/register`, { email: person.email, firstName: 'Elena', lastName: 'Vera' })).status).toBe(201)
    }
    const many = await rename(person.userId, 'Elena Sofía')
    expect(many.statements).toBe(single.statements)
    expect((await search('enrollments', 'elena sofia vera')).length).toBe(6)
  })

  it('the list search stays within what the caller may read: a student finds only their own enrollments', async () => {
    const person = await registeredPerson({ firstName: 'Tomás', lastName: 'Ríos', company: 'Minera Andina' })
    expect(await search('enrollments', 'tomas rios', student.token)).toEqual([])
    expect(await search('enrollments', 'tomas rios')).toContain(person.enrollmentId)
  })

  it('people read as their name, not only their email: a user’s title is their full name', async () => {
    const person = await registeredPerson({ firstName: 'Lucía', lastName: 'Paz', company: 'Aula' })
    const user = await aula.payload.findByID({ collection: 'users', id: person.userId, depth: 0, overrideAccess: true })
    expect(user.displayName).toBe('Lucía Paz')
    expect(aula.payload.collections.users.config.admin.useAsTitle).toBe('displayName')
  })
})
