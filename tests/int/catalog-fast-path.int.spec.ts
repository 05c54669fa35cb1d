import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import type { Pool } from 'pg'
import sharp from 'sharp'

import { WEBINAR_SHAPE_SERVED, webinarReadShape } from '../../src/catalogFastPath/coverage'
import { catalogFastPathReads } from '../../src/observability/metrics'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'

/**
 * The catalog fast path (src/catalogFastPath, docs/decisions/0034) answers anonymous webinar reads
 * from one SQL statement. Its answer must be Payload's, byte for byte: every read here runs through
 * Payload (`AULA_FAST_PATHS=off`) and through the fast path, on the same rows, with the catalog
 * cache off so each read is computed afresh.
 */
let aula: TestAula
let categoryId: number
let categorySlug: string
let imageId: number
const webinarIds: number[] = []
const slugs: string[] = []
const ORIGIN = 'http://localhost:3000'

const paragraph = (text: string) => ({
  root: {
    type: 'root',
    format: '',
    indent: 0,
    version: 1,
    direction: 'ltr',
    children: [{ type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, children: [{ type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }] }],
  },
})

const withUploadNode = (mediaId: number) => ({
  root: { ...paragraph('Con imagen').root, children: [...paragraph('Con imagen').root.children, { type: 'upload', relationTo: 'media', value: mediaId, fields: null, format: '', version: 3, id: 'aaaaaaaaaaaaaaaaaaaaaaaa' }] },
})

const answeredInSql = () => (catalogFastPathReads as unknown as { hashMap: Record<string, { value: number; labels: { answer: string } }> }).hashMap
const sqlAnswers = () => Object.values(answeredInSql()).find((entry) => entry.labels.answer === 'sql')?.value ?? 0

async function read(path: string, options: { fastPath: boolean; origin?: boolean; token?: string }) {
  process.env.AULA_FAST_PATHS = options.fastPath ? 'on' : 'off'
  try {
    const before = sqlAnswers()
    const response = await aula.api.get(path, { token: options.token, headers: options.origin ? { origin: ORIGIN } : {} })
    return { ...response, inSql: sqlAnswers() > before }
  } finally {
    delete process.env.AULA_FAST_PATHS
  }
}

const SHOWN_HEADERS = ['content-type', 'cache-control', 'vary', 'access-control-allow-origin', 'access-control-allow-credentials', 'access-control-allow-headers', 'access-control-allow-methods']
const headersOf = (headers: Headers) => Object.fromEntries(SHOWN_HEADERS.map((name) => [name, headers.get(name)]))

/** Payload's answer and the fast path's for `path`: the same status, bytes and headers. Says whether the fast path answered. */
async function expectSameAnswer(path: string, origin = false): Promise<boolean> {
  return (await compareAnswers(path, origin)).inSql
}

async function compareAnswers(path: string, origin = false) {
  const payloads = await read(path, { fastPath: false, origin })
  const fast = await read(path, { fastPath: true, origin })
  expect(payloads.inSql).toBe(false)
  // An error's body names its request (X-Request-Id): the one thing two answers may not share.
  const sameness = (answer: { status: number; text: string }) => ({ path, status: answer.status, text: answer.text.replace(/"requestId":"[^"]+"/, '"requestId":"…"') })
  expect(sameness(fast)).toEqual(sameness(payloads))
  expect(headersOf(fast.headers)).toEqual(headersOf(payloads.headers))
  return { inSql: fast.inSql, body: payloads.body }
}

beforeAll(async () => {
  process.env.AULA_CATALOG_CACHE = 'off'
  aula = await startTestAula()
  const { payload } = aula
  const create = (collection: 'speakers' | 'categories', data: Record<string, unknown>) => payload.create({ collection, data: data as never, overrideAccess: true })
  const category = await create('categories', { name: 'Datos' })
  categoryId = category.id as number
  categorySlug = (category as { slug: string }).slug
  const otherCategory = (await create('categories', { name: 'Gestión' })).id as number
  const ana = (await create('speakers', { name: 'Ana Rápida', headline: 'Docente', company: 'Aula', linkedinUrl: 'https://www.linkedin.com/in/ana', email: 'ana@example.com' })).id as number
  const beto = (await create('speakers', { name: 'Beto Rápido' })).id as number
  const gone = (await create('speakers', { name: 'Carla Papelera' })).id as number
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3366aa' } }).png().toBuffer()
  imageId = (await payload.create({ collection: 'media', data: { alt: 'Portada' }, file: { data: png, mimetype: 'image/png', name: 'portada.png', size: png.length }, overrideAccess: true })).id as number
  const organizer = await aula.createUser(['editor'])

  const rows: Record<string, unknown>[] = [
    { speakers: [ana, beto], category: categoryId, image: imageId, description: paragraph('Primera parte.'), startsAt: '2031-03-01T15:00:00.000Z' },
    { speakers: [beto, ana], category: otherCategory, isFree: false, price: 12.5, currency: 'PEN', capacity: 3, startsAt: '2031-03-01T15:00:00.000Z' },
    { speakers: [gone, ana], category: categoryId, capacity: null, timezone: 'Europe/Madrid', startsAt: '2031-01-10T09:30:00.000Z' },
    { status: 'completed', category: categoryId, startsAt: '2030-11-02T00:00:00.000Z', recordingUrl: 'https://example.com/grabacion', resources: [{ label: 'Diapositivas', url: 'https://example.com/slides.pdf' }] },
    { status: 'cancelled', isFree: false, price: 99.99, startsAt: '2031-06-15T23:30:00.000Z', extraNotes: 'Solo para el equipo', organizer: organizer.id },
    { status: 'draft', category: categoryId, startsAt: '2031-02-01T12:00:00.000Z' },
    { title: 'Álgebra para todos', image: imageId, startsAt: '2031-04-01T12:00:00.000Z', durationMinutes: 90, platform: 'meet' },
    { title: 'zeta minúscula', description: withUploadNode(imageId), startsAt: '2031-05-01T12:00:00.000Z' },
    { title: 'En la papelera', startsAt: '2031-05-02T12:00:00.000Z' },
  ]
  for (const [index, overrides] of rows.entries()) {
    const webinar = await createWebinar(payload, { capacity: 50, ...overrides, title: (overrides.title as string) ?? `Webinar rápido ${index + 1}` })
    webinarIds.push(webinar.id as number)
    slugs.push(webinar.slug as string)
  }
  await payload.update({ collection: 'speakers', id: gone, data: { deletedAt: new Date().toISOString() } as never, overrideAccess: true })
  await payload.update({ collection: 'webinars', id: webinarIds[8]!, data: { deletedAt: new Date().toISOString() } as never, overrideAccess: true })
  // Seats taken on the small paid webinar, so seatsLeft is not just capacity.
  await (aula.payload.db as unknown as { pool: Pool }).pool.query('UPDATE webinars SET seats_taken = 2 WHERE id = $1', [webinarIds[1]])
}, 120_000)

afterEach(() => {
  delete process.env.AULA_FAST_PATHS
})

afterAll(async () => {
  delete process.env.AULA_CATALOG_CACHE
  await aula.close()
})

describe('the catalog fast path', () => {
  it('is written for the webinars config as it stands (a field added, a field’s read access or a read hook changes this list)', () => {
    expect(webinarReadShape(aula.payload)).toEqual([...WEBINAR_SHAPE_SERVED])
  })

  it('answers the catalog’s list reads in SQL with Payload’s own bytes, over every filter, sort and page', async () => {
    const filters = [
      '',
      'where[status][equals]=published',
      'where[status][in]=published,completed',
      'where[status][equals]=draft',
      `where[slug][equals]=${slugs[1]}`,
      'where[slug][equals]=no-existe',
      `where[category][equals]=${categoryId}`,
      'where[startsAt][greater_than]=2031-02-01',
      'where[startsAt][less_than_equal]=2031-03-01T15:00:00.000Z',
      `where[category][equals]=${categoryId}&where[startsAt][greater_than_equal]=2031-01-10T14:30:00%2B05:00`,
      // What the public site sends (src/site/items.ts): a top-level `and`, the category by its slug.
      `where[and][0][status][equals]=published&where[and][1][startsAt][greater_than]=2031-01-01T00:00:00.000Z&where[and][2][category.slug][equals]=${categorySlug}`,
      'where[category.slug][equals]=no-existe',
    ]
    const sorts = ['', 'sort=startsAt', 'sort=-startsAt', 'sort=title', 'sort=-title', 'sort=price', 'sort=-price', 'sort=createdAt']
    const pages = ['', 'limit=3', 'limit=3&page=2', 'limit=2&page=9', 'limit=100']
    let served = 0
    for (const [f, filter] of filters.entries()) {
      for (const [s, sort] of sorts.entries()) {
        const query = [filter, sort, pages[(f + s) % pages.length], `depth=${(f + s) % 2}`].filter(Boolean).join('&')
        const { inSql, body } = await compareAnswers(`/webinars?${query}`, s % 3 === 0)
        // A page holding the webinar whose description embeds an upload is Payload's to answer (Lexical populates it); every other is the fast path's.
        expect({ query, inSql }).toEqual({ query, inSql: !body.docs.some((doc: { id: number }) => doc.id === webinarIds[7]) })
        if (inSql) served += 1
      }
    }
    expect(served).toBeGreaterThan(filters.length * sorts.length * 0.6)
  }, 300_000)

  it('answers a webinar’s own page in SQL at depth 0 and 1, and leaves drafts, the trash and unknown ids to Payload', async () => {
    const servedIds: number[] = []
    for (const id of [...webinarIds, 999_999]) {
      for (const depth of [0, 1]) if (await expectSameAnswer(`/webinars/${id}?depth=${depth}`, depth === 1)) servedIds.push(id)
    }
    const visible = webinarIds.filter((_, index) => ![5, 7, 8].includes(index))
    expect([...new Set(servedIds)]).toEqual(visible)
  }, 120_000)

  it('shows what Payload shows an anonymous reader: no meeting link, recording, notes or organizer; seats left; the image embedded', async () => {
    const { body } = await read(`/webinars/${webinarIds[0]}?depth=1`, { fastPath: true })
    expect(body).not.toHaveProperty('meetingLink')
    expect(body).not.toHaveProperty('extraNotes')
    expect(body).not.toHaveProperty('organizer')
    expect(body.image).toMatchObject({ id: imageId, alt: 'Portada', mimeType: 'image/png' })
    expect(body.speakers.map((speaker: { name: string }) => speaker.name)).toEqual(['Ana Rápida', 'Beto Rápido'])
    expect(body.speakers[0]).not.toHaveProperty('email')
    const paid = (await read(`/webinars/${webinarIds[1]}?depth=0`, { fastPath: true })).body
    expect(paid).toMatchObject({ price: 12.5, capacity: 3, seatsTaken: 2, seatsLeft: 1, timezone: 'America/Lima' })
  })

  it('leaves every other read to Payload, with the same answer: other depths and parameters, bad input, a signed-in reader', async () => {
    const staff = await aula.createUser(['editor'])
    const others = [
      '/webinars',
      '/webinars?depth=2',
      '/webinars?depth=1&where[title][like]=rápido',
      '/webinars?depth=1&limit=abc',
      '/webinars?depth=1&page=0',
      '/webinars?depth=1&sort=seatsLeft',
      '/webinars?depth=1&where[status][equals]=otro',
      '/webinars?depth=1&where[startsAt][greater_than]=mañana',
      '/webinars?depth=1&select[title]=true',
      `/webinars/${webinarIds[0]}`,
      // Numbers not written exactly, and a trailing slash: whatever Payload and its guards make of them.
      `/webinars/0${webinarIds[0]}?depth=0`,
      `/webinars/${webinarIds[0]}/?depth=0`,
      '/webinars/?depth=0',
      '/webinars?depth=0&limit=010',
      '/webinars?depth=0&page=01',
      `/webinars?depth=0&where[category][equals]=0${categoryId}`,
    ]
    for (const path of others) expect(await expectSameAnswer(path)).toBe(false)
    const staffRead = await read(`/webinars?depth=0&limit=100`, { fastPath: true, token: staff.token })
    expect(staffRead.inSql).toBe(false)
    expect(staffRead.body.docs.map((doc: { id: number }) => doc.id)).toContain(webinarIds[5])
  }, 120_000)

  it('is off with AULA_FAST_PATHS=off', async () => {
    const path = `/webinars?depth=1&where[category][equals]=${categoryId}`
    const off = await read(path, { fastPath: false })
    expect(off.status).toBe(200)
    expect(off.inSql).toBe(false)
    const on = await read(path, { fastPath: true })
    expect(on.inSql).toBe(true)
  })
})
