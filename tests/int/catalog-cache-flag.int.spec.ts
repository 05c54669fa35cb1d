import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'
import { countStatements } from '../helpers/countStatements'

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
    const first = await countStatements(aula.payload, () => aula.api.get(LIST))
    const again = await countStatements(aula.payload, () => aula.api.get(LIST))
    expect(again.result.status).toBe(200)
    expect(again.result.text).toBe(first.result.text)
    // The page, its count, the speakers and the categories: no snapshot query, nothing from memory.
    expect(first.statements).toBeGreaterThanOrEqual(3)
    expect(again.statements).toBe(first.statements)
  })
})
