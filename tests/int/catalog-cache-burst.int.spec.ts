import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'
import { countStatements } from '../helpers/countStatements'

/**
 * When a cached answer expires on a busy catalog, every caller in flight misses at once: the answer
 * is computed once and the others take it (after the same "nothing changed since" check as a hit).
 */
let aula: TestAula
const LIST = '/webinars?where[status][equals]=published&depth=1&limit=5'

beforeAll(async () => {
  aula = await startTestAula()
  const speaker = await aula.payload.create({ collection: 'speakers', data: { name: 'Eva Ráfaga' }, overrideAccess: true })
  await createWebinar(aula.payload, { title: 'Webinar muy pedido', capacity: 10, speakers: [speaker.id] })
})

afterAll(async () => {
  await aula.close()
})

describe('a burst of anonymous reads that all miss the cache', () => {
  it('computes the answer once and gives every caller the same body', async () => {
    const alone = await countStatements(aula.payload, () => aula.api.get(`${LIST}&page=1`))
    const burst = await countStatements(aula.payload, () => Promise.all(Array.from({ length: 10 }, () => aula.api.get(LIST))))
    expect(burst.result.every((response) => response.status === 200 && response.text === burst.result[0]!.text)).toBe(true)
    // One full read, then one small check for each caller that waited for it (ten full reads would be 10× `alone`).
    expect(burst.statements).toBeLessThanOrEqual(alone.statements + 10)
  })
})
