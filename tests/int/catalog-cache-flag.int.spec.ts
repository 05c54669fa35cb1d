import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'
import { countStatements, recordStatements } from '../helpers/countStatements'

/**
 * `AULA_CATALOG_CACHE=off` exists so the catalog benchmark can measure the uncached read path:
 * with it every anonymous read goes to the database; without it the cache answers as always.
 */
let aula: TestAula
const LIST = '/webinars?where[status][equals]=published&depth=1&limit=5'

beforeAll(async () => {
  aula = await startTestAula()
  const speaker = await aula.payload.create({ collection: 'speakers', data: { name: 'Ada Sin Caché' }, overrideAccess: true })
  await createWebinar(aula.payload, { title: 'Webinar sin caché', capacity: 10, speakers: [speaker.id] })
})

afterEach(() => {
  delete process.env.AULA_CATALOG_CACHE
})

afterAll(async () => {
  await aula.close()
})

describe('the catalog cache switch', () => {
  it('is on by default: a repeated anonymous read costs one small query', async () => {
    const first = await aula.api.get(LIST)
    const again = await countStatements(aula.payload, () => aula.api.get(LIST))
    expect(again.result.text).toBe(first.text)
    expect(again.statements).toBe(1)
  })

  it('with AULA_CATALOG_CACHE=off, two reads both run the whole query and answer the same', async () => {
    process.env.AULA_CATALOG_CACHE = 'off'
    const first = await recordStatements(aula.payload, () => aula.api.get(LIST))
    const again = await recordStatements(aula.payload, () => aula.api.get(LIST))
    expect(again.result.status).toBe(200)
    expect(again.result.text).toBe(first.result.text)
    // Each read computes its answer from the webinars (the catalog fast path's one statement), never
    // the cache's snapshot or change check, and nothing from memory.
    for (const { texts } of [first, again]) {
      expect(texts.some((text) => /\bFROM webinars w\b/.test(text))).toBe(true)
      expect(texts.filter((text) => /pg_current_snapshot|catalog_changes/.test(text))).toEqual([])
    }
    expect(again.texts).toHaveLength(first.texts.length)
  })

  it('with AULA_FAST_PATHS=off too, both reads take Payload’s whole read path: the page, its count, the speakers and the categories', async () => {
    process.env.AULA_CATALOG_CACHE = 'off'
    process.env.AULA_FAST_PATHS = 'off'
    try {
      const first = await countStatements(aula.payload, () => aula.api.get(LIST))
      const again = await countStatements(aula.payload, () => aula.api.get(LIST))
      expect(again.result.text).toBe(first.result.text)
      expect(first.statements).toBeGreaterThanOrEqual(3)
      expect(again.statements).toBe(first.statements)
    } finally {
      delete process.env.AULA_FAST_PATHS
    }
  })
})
