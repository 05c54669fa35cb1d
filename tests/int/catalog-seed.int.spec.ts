import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { seed } from '../../src/seed'
import { startTestAula, type TestAula } from '../helpers/aula'

let aula: TestAula

beforeAll(async () => {
  aula = await startTestAula()
})

afterAll(async () => {
  await aula.close()
})

const COLLECTIONS = ['speakers', 'categories', 'webinars', 'courses', 'media'] as const

const counts = async () =>
  Object.fromEntries(
    await Promise.all(
      COLLECTIONS.map(async (collection) => [collection, (await aula.payload.count({ collection, overrideAccess: true })).totalDocs]),
    ),
  )

describe('the demo catalog', () => {
  it('is created once and running the seed again adds nothing', async () => {
    const first = await seed(aula.payload)
    expect(first.created).toBeGreaterThan(0)
    const afterFirst = await counts()
    expect(afterFirst.speakers).toBeGreaterThanOrEqual(3)
    expect(afterFirst.categories).toBeGreaterThanOrEqual(3)
    expect(afterFirst.webinars).toBeGreaterThanOrEqual(4)
    expect(afterFirst.courses).toBeGreaterThanOrEqual(2)

    const second = await seed(aula.payload)
    expect(second.created).toBe(0)
    expect(await counts()).toEqual(afterFirst)
  })

  it('shows the public what a real catalog looks like: upcoming, nearly full, completed, early bird open', async () => {
    const now = aula.clock.now().toISOString()
    const upcoming = await aula.api.get(`/webinars?where[startsAt][greater_than_equal]=${now}&sort=startsAt`)
    expect(upcoming.body.docs.length).toBeGreaterThanOrEqual(3)
    expect(upcoming.body.docs.some((doc: any) => doc.isFree)).toBe(true)
    expect(upcoming.body.docs.some((doc: any) => !doc.isFree && doc.price > 0)).toBe(true)
    expect(upcoming.body.docs.some((doc: any) => doc.seatsLeft !== null && doc.seatsLeft <= 2)).toBe(true)
    const completed = await aula.api.get('/webinars?where[status][equals]=completed')
    expect(completed.body.totalDocs).toBeGreaterThanOrEqual(1)

    const courses = await aula.api.get('/courses?depth=0')
    const earlyBird = courses.body.docs.find((doc: any) => doc.earlyBirdPrice)
    expect(earlyBird.currentPrice).toBe(earlyBird.earlyBirdPrice)
    expect(earlyBird.modules[0].topics.length).toBeGreaterThan(0)
    expect(earlyBird.modules[0].sessions.length).toBeGreaterThan(0)

    const speakers = await aula.api.get('/speakers?depth=1')
    for (const speaker of speakers.body.docs) expect(speaker.photo.mimeType).toBe('image/jpeg')
  })
})
