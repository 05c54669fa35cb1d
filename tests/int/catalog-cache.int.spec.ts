import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import pg from 'pg'

import { uncachedText } from '../helpers/api'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createCourse, createWebinar } from '../helpers/catalog'
import { countStatements } from '../helpers/countStatements'

/**
 * Anonymous catalog reads come from memory while nothing in the catalog changed — and never a
 * moment longer: a change made by this app, by another instance, or straight in the database shows
 * on the next read.
 */
let aula: TestAula
let webinarId: number
const LIST = '/webinars?where[status][equals]=published&depth=1&limit=5'

const seatsLeftIn = (body: { docs: { id: number; seatsLeft: number }[] }) => body.docs.find((doc) => doc.id === webinarId)?.seatsLeft

beforeAll(async () => {
  aula = await startTestAula()
  const speaker = await aula.payload.create({ collection: 'speakers', data: { name: 'Rosa Caché' }, overrideAccess: true })
  webinarId = (await createWebinar(aula.payload, { title: 'Webinar en caché', capacity: 30, speakers: [speaker.id] })).id
})

afterAll(async () => {
  await aula.close()
})

describe('the anonymous catalog cache', () => {
  it('answers a repeated read with one small query and the same body', async () => {
    const first = await aula.api.get(LIST)
    const again = await countStatements(aula.payload, () => aula.api.get(LIST))
    expect(again.result.status).toBe(200)
    expect(again.result.text).toBe(first.text)
    expect(again.statements).toBe(1)
    expect(again.result.headers.get('cache-control')).toMatch(/^public/)
  })

  it('shows a seat taken by a registration on the very next read', async () => {
    const before = seatsLeftIn((await aula.api.get(LIST)).body)
    expect((await aula.api.post(`/webinars/${webinarId}/register`, { email: 'asiento@example.com', firstName: 'A', lastName: 'S' })).status).toBe(201)
    expect(seatsLeftIn((await aula.api.get(LIST)).body)).toBe(before! - 1)
  })

  it('shows an editor’s change, and a speaker’s new name inside the list', async () => {
    await aula.api.get(LIST)
    const editor = await aula.createUser(['editor'])
    await aula.api.patch(`/webinars/${webinarId}`, { title: 'Webinar renombrado' }, { token: editor.token })
    const speaker = (await aula.payload.find({ collection: 'speakers', where: { name: { equals: 'Rosa Caché' } }, overrideAccess: true })).docs[0]!
    await aula.api.patch(`/speakers/${speaker.id}`, { name: 'Rosa Renombrada' }, { token: editor.token })
    const doc = (await aula.api.get(LIST)).body.docs.find((item: { id: number }) => item.id === webinarId)
    expect(doc.title).toBe('Webinar renombrado')
    expect(doc.speakers.map((s: { name: string }) => s.name)).toEqual(['Rosa Renombrada'])
  })

  it('sees a change another app instance (or anyone) committed straight in the database', async () => {
    const before = (await aula.api.get(LIST)).body
    const client = new pg.Client({ connectionString: aula.databaseUri })
    await client.connect()
    try {
      await client.query('UPDATE webinars SET title = $1 WHERE id = $2', ['Cambiado por otra instancia', webinarId])
    } finally {
      await client.end()
    }
    const after = (await aula.api.get(LIST)).body
    expect(after.docs.find((item: { id: number }) => item.id === webinarId).title).toBe('Cambiado por otra instancia')
    expect(before.docs.find((item: { id: number }) => item.id === webinarId).title).not.toBe('Cambiado por otra instancia')
  })

  it('waits for a change still being written: once it commits, the next read has it', async () => {
    await aula.api.get(LIST)
    const client = new pg.Client({ connectionString: aula.databaseUri })
    await client.connect()
    try {
      await client.query('BEGIN')
      await client.query('UPDATE webinars SET title = $1 WHERE id = $2', ['Escrito despacio', webinarId])
      // Read (and cache) while the change is not committed: the old title.
      expect((await aula.api.get(LIST)).body.docs.find((item: { id: number }) => item.id === webinarId).title).not.toBe('Escrito despacio')
      await client.query('COMMIT')
    } finally {
      await client.end()
    }
    expect((await aula.api.get(LIST)).body.docs.find((item: { id: number }) => item.id === webinarId).title).toBe('Escrito despacio')
  })

  it('never serves a logged-in reader from it', async () => {
    await aula.api.get(LIST)
    const editor = await aula.createUser(['editor'])
    const staff = await countStatements(aula.payload, () => aula.api.get(LIST, { token: editor.token }))
    expect(staff.statements).toBeGreaterThan(1)
    expect(staff.result.headers.get('cache-control')).toBe('private, no-store')
  })

  it('gives each website its own CORS answer: a read cached for one origin is not replayed to another', async () => {
    const site = 'https://sitio.example'
    // Aula's CORS setting is `{ origins, headers }` (src/config/createAulaConfig.ts).
    const cors = aula.payload.config.cors
    const allowed = typeof cors === 'object' && !Array.isArray(cors) ? cors.origins[0] : undefined
    expect(allowed).toBeTruthy()
    await aula.api.get(LIST, { headers: { origin: site } })
    const fromAllowed = await aula.api.get(LIST, { headers: { origin: allowed! } })
    expect(fromAllowed.headers.get('access-control-allow-origin')).toBe(allowed)
    const fromOther = await aula.api.get(LIST, { headers: { origin: site } })
    expect(fromOther.headers.get('access-control-allow-origin')).not.toBe(allowed)
  })
})

describe('course answers in the cache', () => {
  /** What Payload answers without the cache, now. */
  const uncached = (path: string) => uncachedText(aula.api, path)

  it('are kept, and the first read at the early-bird deadline shows the regular price', async () => {
    const start = aula.clock.now()
    // Inside the five seconds any answer is kept for, so only the deadline can end it.
    const deadline = new Date(start.getTime() + 3_000)
    const course = await createCourse(aula.payload, { title: 'Curso en caché', regularPrice: 300, earlyBirdPrice: 200, earlyBirdDeadline: deadline.toISOString() })
    try {
      for (const path of [`/courses/${course.id}?depth=0`, `/courses?where[id][equals]=${course.id}&depth=1`, `/courses/${course.id}?depth=0&select[title]=true&select[currentPrice]=true`]) {
        aula.clock.set(start)
        const price = (text: string) => {
          const body = JSON.parse(text)
          return (body.docs ? body.docs[0] : body).currentPrice
        }
        expect(price((await aula.api.get(path)).text)).toBe(200)
        const again = await countStatements(aula.payload, () => aula.api.get(path))
        expect(again.statements).toBe(1)
        expect(price(again.result.text)).toBe(200)
        // A millisecond before the deadline the stored answer is still exact; at the deadline it is not.
        aula.clock.set(new Date(deadline.getTime() - 1))
        expect((await countStatements(aula.payload, () => aula.api.get(path))).statements).toBe(1)
        aula.clock.set(deadline)
        const after = await aula.api.get(path)
        expect(price(after.text)).toBe(300)
        expect(after.text).toBe(await uncached(path))
      }
    } finally {
      aula.clock.set(start)
    }
  })
})
