import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'
import { webinarData } from '../helpers/catalog'

/**
 * createdAt/updatedAt are the server's: the dashboard counts registrations per week by createdAt, and
 * lists sort by it. Payload's own timestamp fields take whatever a caller sends on create.
 */
let aula: TestAula
let editor: { token: string }
let sales: { token: string }

beforeAll(async () => {
  aula = await startTestAula()
  editor = await aula.createUser(['editor'])
  sales = await aula.createUser(['sales'])
})

afterAll(async () => {
  await aula.close()
})

const backdated = '2001-01-01T00:00:00.000Z'
const recent = (value: unknown) => Date.now() - new Date(String(value)).getTime() < 10 * 60_000

describe('server-stamped timestamps', () => {
  it('an editor creating a webinar with createdAt/updatedAt in 2001 gets them stamped now (REST)', async () => {
    const response = await aula.api.post('/webinars', { ...webinarData(), createdAt: backdated, updatedAt: backdated }, { token: editor.token })
    expect(response.status).toBe(201)
    const stored = await aula.payload.findByID({ collection: 'webinars', id: response.body.doc.id, overrideAccess: true, depth: 0 })
    expect(recent(stored.createdAt)).toBe(true)
    expect(recent(stored.updatedAt)).toBe(true)
  })

  it('a sales user backdating a lead on update leaves its createdAt as it was (REST)', async () => {
    const created = await aula.api.post('/leads', { firstName: 'Rosa', lastName: 'Quispe', email: `rosa-${Date.now()}@example.com` }, { token: sales.token })
    expect(created.status).toBe(201)
    const before = await aula.payload.findByID({ collection: 'leads', id: created.body.doc.id, overrideAccess: true, depth: 0 })
    const patched = await aula.api.patch(`/leads/${before.id}`, { createdAt: backdated }, { token: sales.token })
    expect(patched.status).toBe(200)
    const after = await aula.payload.findByID({ collection: 'leads', id: before.id, overrideAccess: true, depth: 0 })
    expect(after.createdAt).toBe(before.createdAt)
  })

  it('server code may still write them (the demo seed replays history)', async () => {
    const doc = await aula.payload.create({ collection: 'webinars', data: { ...webinarData(), createdAt: backdated } as never, overrideAccess: true })
    expect(new Date(doc.createdAt).toISOString()).toBe(backdated)
  })
})
