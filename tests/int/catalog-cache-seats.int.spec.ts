import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import pg from 'pg'

import { uncachedText } from '../helpers/api'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'
import { countStatements } from '../helpers/countStatements'

/**
 * A registration changes nothing in the catalog but a seat count. The cache keeps its answers
 * through it and fills the counts in afresh on each hit, so a launch's burst of registrations does
 * not turn every catalog read into a full one — and every answer is still byte for byte what
 * Payload computes at that moment.
 */
let aula: TestAula
let webinarId: number
let otherId: number
let person = 0
const LIST = '/webinars?where[status][equals]=published&depth=1&limit=10'

/** What Payload answers without the cache, now. */
const uncached = (path: string) => uncachedText(aula.api, path)

const registerOne = async (id = webinarId) => {
  person += 1
  const response = await aula.api.post(`/webinars/${id}/register`, { email: `asiento-${person}@example.com`, firstName: 'Asiento', lastName: `N${person}` })
  expect(response.status).toBe(201)
}

const docOf = (text: string, id: number) => (JSON.parse(text) as { docs: { id: number; seatsTaken: number; seatsLeft: number | null; title: string }[] }).docs.find((doc) => doc.id === id)!

beforeAll(async () => {
  aula = await startTestAula()
  const speaker = await aula.payload.create({ collection: 'speakers', data: { name: 'Lía Asientos' }, overrideAccess: true })
  webinarId = (await createWebinar(aula.payload, { title: 'Webinar con asientos', capacity: 40, speakers: [speaker.id] })).id
  otherId = (await createWebinar(aula.payload, { title: 'Webinar de al lado', capacity: 3 })).id
})

afterEach(() => {
  delete process.env.AULA_CATALOG_CACHE
})

afterAll(async () => {
  await aula.close()
})

describe('the catalog cache through registrations', () => {
  it('keeps a list through a registration: one small query, the new counts, the same bytes as Payload', async () => {
    const before = (await aula.api.get(LIST)).text
    await registerOne()
    const after = await countStatements(aula.payload, () => aula.api.get(LIST))
    expect(after.statements).toBe(1)
    expect(docOf(after.result.text, webinarId).seatsTaken).toBe(docOf(before, webinarId).seatsTaken + 1)
    expect(docOf(after.result.text, webinarId).seatsLeft).toBe(docOf(before, webinarId).seatsLeft! - 1)
    expect(after.result.text).toBe(await uncached(LIST))
  })

  it('fills in the last seat and a full item as Payload shows them (seatsLeft 0, never below)', async () => {
    await aula.api.get(LIST)
    for (let index = 0; index < 4; index += 1) await registerOne(otherId)
    const after = await countStatements(aula.payload, () => aula.api.get(LIST))
    expect(after.statements).toBe(1)
    expect(docOf(after.result.text, otherId)).toMatchObject({ seatsTaken: 3, seatsLeft: 0 })
    expect(after.result.text).toBe(await uncached(LIST))
  })

  it('keeps a webinar read by id the same way', async () => {
    const path = `/webinars/${webinarId}?depth=1`
    const before = JSON.parse((await aula.api.get(path)).text)
    await registerOne()
    const after = await countStatements(aula.payload, () => aula.api.get(path))
    expect(after.statements).toBe(1)
    expect(JSON.parse(after.result.text).seatsTaken).toBe(before.seatsTaken + 1)
    expect(after.result.text).toBe(await uncached(path))
  })

  it('keeps answers that show no seat count (speakers, categories) exactly as they were', async () => {
    const paths = ['/speakers?limit=10', '/categories?limit=10']
    const read = async () => Promise.all(paths.map(async (path) => (await aula.api.get(path)).text))
    const first = await read()
    await registerOne()
    const again = await countStatements(aula.payload, read)
    expect(again.statements).toBe(paths.length)
    expect(again.result).toEqual(first)
  })

  it('fills the counts in a narrow select too (it carries seatsTaken for seatsLeft)', async () => {
    const narrow = '/webinars?where[status][equals]=published&select[title]=true&select[seatsLeft]=true&limit=10'
    await aula.api.get(narrow)
    await registerOne()
    const after = await countStatements(aula.payload, () => aula.api.get(narrow))
    expect(after.statements).toBe(1)
    expect(after.result.text).toBe(await uncached(narrow))
  })

  it('computes again an answer filtered or sorted by seats: a registration can change who is in it and in what order', async () => {
    const bySeats = `/webinars?where[status][equals]=published&where[seatsTaken][greater_than]=0&sort=-seatsTaken&limit=10`
    await aula.api.get(bySeats)
    const before = JSON.parse(await uncached(bySeats)).docs.map((doc: { id: number }) => doc.id)
    // A webinar with no one yet joins the answer with its first registration.
    const fresh = (await createWebinar(aula.payload, { title: 'Webinar recién llegado', capacity: 10 })).id
    await aula.api.get(bySeats)
    await registerOne(fresh)
    const after = await countStatements(aula.payload, () => aula.api.get(bySeats))
    expect(after.statements).toBeGreaterThan(1)
    const ids = JSON.parse(after.result.text).docs.map((doc: { id: number }) => doc.id)
    expect(ids).toEqual([...before, fresh])
    expect(after.result.text).toBe(await uncached(bySeats))
  })

  it('drops the answer when a statement changes a seat count and anything else with it', async () => {
    await aula.api.get(LIST)
    const client = new pg.Client({ connectionString: aula.databaseUri })
    await client.connect()
    try {
      await client.query('UPDATE webinars SET seats_taken = seats_taken + 1, title = $1 WHERE id = $2', ['Asientos y título', webinarId])
    } finally {
      await client.end()
    }
    const after = await countStatements(aula.payload, () => aula.api.get(LIST))
    expect(after.statements).toBeGreaterThan(1)
    expect(docOf(after.result.text, webinarId).title).toBe('Asientos y título')
    expect(after.result.text).toBe(await uncached(LIST))
  })

  it('notes a change of seat counts alone as such, and any other change of a webinar or course row as a change', async () => {
    const client = new pg.Client({ connectionString: aula.databaseUri })
    await client.connect()
    try {
      const noted = async (statement: string) => {
        await client.query('BEGIN')
        await client.query(statement)
        const { rows } = await client.query('SELECT seats_only FROM catalog_changes WHERE xid = pg_current_xact_id()::text::bigint')
        await client.query('ROLLBACK')
        return rows.map((row) => row.seats_only)
      }
      expect(await noted(`UPDATE webinars SET seats_taken = seats_taken WHERE id = ${webinarId}`)).toEqual([true])
      expect(await noted(`UPDATE webinars SET seats_taken = seats_taken + 1 WHERE id IN (${webinarId}, ${otherId})`)).toEqual([true])
      expect(await noted(`UPDATE webinars SET capacity = capacity + 1 WHERE id = ${webinarId}`)).toEqual([false])
      expect(await noted(`UPDATE webinars SET seats_taken = seats_taken + 1 WHERE id = ${webinarId}; UPDATE webinars SET status = 'draft' WHERE id = ${otherId}`)).toEqual([true, false])
      expect(await noted(`UPDATE courses SET seats_taken = seats_taken + 1`)).toEqual([true])
      expect(await noted(`UPDATE speakers SET name = name`)).toEqual([false])
    } finally {
      await client.end()
    }
  })
})
