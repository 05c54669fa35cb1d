import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { CollectionSlug } from 'payload'

import { readEnv } from '../../src/config/env'
import { seed } from '../../src/seed'
import { startTestAula, type TestAula } from '../helpers/aula'

let aula: TestAula

beforeAll(async () => {
  aula = await startTestAula()
})

afterAll(async () => {
  await aula.close()
})

const countEverything = async () => {
  const counts: Record<string, number> = {}
  for (const slug of Object.keys(aula.payload.collections) as CollectionSlug[]) {
    if (slug.startsWith('payload-')) continue
    counts[slug] = (await aula.payload.count({ collection: slug, overrideAccess: true })).totalDocs
  }
  return counts
}

describe('the demo seed', () => {
  it('creates the seed admin, who can log in with the documented password', async () => {
    const { seedAdmin } = readEnv()
    const first = await seed(aula.payload)
    expect(first.created).toBeGreaterThan(0)
    const token = await aula.api.login(seedAdmin.email, seedAdmin.password)
    const me = await aula.api.get('/users/me', { token })
    expect(me.body.user.roles).toEqual(['admin'])
  })

  it('adds nothing when it runs a second time', async () => {
    await seed(aula.payload)
    const before = await countEverything()
    const again = await seed(aula.payload)
    expect(again.created).toBe(0)
    expect(await countEverything()).toEqual(before)
  })
})
