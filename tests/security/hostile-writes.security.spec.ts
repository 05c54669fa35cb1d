import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import type { FlattenedField, SanitizedCollectionConfig, Where } from 'payload'

import { collections as aulaCollections } from '../../src/collections'
import { globals as aulaGlobals } from '../../src/globals'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createCourse, createWebinar, errorPaths } from '../helpers/catalog'
import { ManualClock } from '../helpers/manualClock'
import { expectSafe, failOnUnhandledRejections } from './hostileSafety'

/**
 * Staff writes with hostile values in every field of every collection and global, the fields read
 * from the config itself (a new field is covered the day it is added): never a 5xx, a refused write
 * names the field and changes nothing, and no text longer than its field's bound is ever stored.
 */
let aula: TestAula
let adminToken: string
const clock = new ManualClock('2030-01-10T12:00:00.000Z')
const seed = 20301111

beforeAll(async () => {
  aula = await startTestAula({ clock })
  adminToken = (await aula.createUser(['admin'])).token
  const webinar = await createWebinar(aula.payload)
  await createCourse(aula.payload)
  await aula.payload.create({ collection: 'speakers', data: { name: 'Ponente' } as never, overrideAccess: true })
  await aula.payload.create({ collection: 'categories', data: { name: 'Datos' } as never, overrideAccess: true })
  const student = await aula.createUser(['student'])
  await aula.api.post(`/webinars/${webinar.id}/register`, undefined, { token: student.token })
  await aula.api.post('/leads', { firstName: 'Ana', lastName: 'Pérez', email: 'ana.lead@example.com', type: 'individual' })
}, 120_000)

afterAll(async () => {
  await aula?.close()
})

failOnUnhandledRejections()

interface Leaf {
  /** Dotted path as Payload names it in a ValidationError (`modules.0.title`). */
  path: string
  field: FlattenedField
}

/** Every field that holds data, one level into groups, named tabs and arrays (first row). */
function leaves(fields: FlattenedField[], prefix = '', depth = 0): Leaf[] {
  return fields.flatMap((field): Leaf[] => {
    // deletedAt would put the document in the trash, and the next write would find nothing to change.
    if (field.type === 'join' || ('virtual' in field && field.virtual) || field.name === 'deletedAt') return []
    const path = `${prefix}${field.name}`
    const own = [{ path, field }]
    if (depth >= 2 || !('flattenedFields' in field)) return own
    return [...own, ...leaves(field.flattenedFields, field.type === 'array' ? `${path}.0.` : `${path}.`, depth + 1)]
  })
}

/** `{a: {b: [ {c: value} ]}}` for `a.b.0.c`. */
function bodyFor(path: string, value: unknown): Record<string, unknown> {
  const segments = path.split('.')
  const build = (index: number): unknown => {
    if (index === segments.length) return value
    const next = build(index + 1)
    const segment = segments[index]
    return /^\d+$/.test(segments[index + 1] ?? '') ? { [segment]: [build(index + 2)] } : { [segment]: next }
  }
  return build(0) as Record<string, unknown>
}

const hugeText = 'x'.repeat(100_000)
const TEXT_LIKE = new Set(['text', 'textarea', 'email', 'code'])
/** Characters that take 3 bytes in UTF-8 each, one UTF-16 unit each: the most bytes a bounded length can hold. */
const widest = (length: number) => '한'.repeat(length)

const hostileFor = (field: FlattenedField): unknown[] => {
  const common: unknown[] = [null, {}, [], 'abc', -1, true, { __proto__: { polluted: 'yes' } }]
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'code':
      return [...common, hugeText, 'a\u0000b', '\uD800', '\u202Eevil', ['a', 'b'], 5, widest(('maxLength' in field && field.maxLength) || 254)]
    case 'number':
      return [...common, 1e308, -1e308, '1e99', '12abc', 1.5, 9007199254740993, 'NaN', [1, 'x']]
    case 'date':
      return [...common, '+010000-01-01T00:00:00.000Z', '10000-01-01', '0000-01-01', '-000001-01-01T00:00:00.000Z', '2030-02-30', 1e20, 'not a date']
    case 'checkbox':
      return [...common, 'yes', 2, 'false']
    case 'select':
    case 'radio':
      return [...common, 'bogus', ['bogus'], 'a\u0000', 5]
    case 'relationship':
    case 'upload':
      return [...common, "1' OR '1'='1", '01', 1.5, 0, 99999999, 1e20, [1, 'x'], { relationTo: 'users', value: 1 }, { relationTo: 'nope', value: '1.0' }]
    case 'json':
      return [...common, { a: 'x\u0000' }, '{', 'x\u0000', JSON.parse('['.repeat(500) + ']'.repeat(500))]
    case 'richText':
      return [...common, { root: 'x' }, { root: { type: 'root', children: [{ type: 'text', text: 'x\u0000', version: 1 }] } }, 5]
    case 'point':
      return [...common, ['a', 'b'], [1e308, 1e308], [1]]
    case 'array':
      return [...common, [1], [{}], [{ id: 5 }], 'x']
    case 'group':
    case 'tab':
      return [...common, 5, 'x']
    case 'blocks':
      return [...common, [{ blockType: 'nope' }], [1]]
    default:
      return common
  }
}

const configOf = (slug: string) => (aula.payload.collections as unknown as Record<string, { config: SanitizedCollectionConfig }>)[slug].config
const snapshot = async (slug: string) =>
  JSON.stringify((await aula.payload.find({ collection: slug as never, limit: 0, pagination: false, depth: 0, overrideAccess: true, showHiddenFields: true, sort: 'id' })).docs)

/** The document staff edit in each collection (the first one there is), or none: then they create. */
const targets = new Map<string, number | null>()
async function targetOf(slug: string): Promise<number | null> {
  if (targets.has(slug)) return targets.get(slug)!
  // Users: a student's account, so the admin's own session survives password and email changes.
  const where: Where = slug === 'users' ? { roles: { contains: 'student' } } : {}
  const found = await aula.payload.find({ collection: slug as never, where, limit: 1, depth: 0, overrideAccess: true, sort: 'id' })
  const id = ((found.docs[0] as { id?: number } | undefined)?.id as number | undefined) ?? null
  targets.set(slug, id)
  return id
}

/**
 * Fields a written value makes required: a webinar that stops being free needs its price, and the
 * refusal rightly names the price (a field stored empty while it did not apply: src/fields/applicableOnlyWhen.ts).
 */
const MAKES_REQUIRED: Record<string, string[]> = {
  'webinars.isFree': ['price'],
  'coupons.discountType': ['percentOff', 'amountOff', 'currency'],
  'coupons.appliesTo': ['categories', 'items'],
}

/**
 * A refused write names the field (or something inside or around it), unless the refusal is about
 * something else: what the same write without the field is refused for (`baseline`: required
 * fields on a create), or a sibling in the one array row the body sends.
 */
const namesField = (body: unknown, path: string, baseline: string[] = [], slug = '') => {
  const paths = errorPaths(body)
  const row = path.match(/^([^.]+\.\d+\.)/)?.[1]
  return (
    paths.length === 0 ||
    paths.every((each) => baseline.includes(each)) ||
    paths.every((each) => (MAKES_REQUIRED[`${slug}.${path}`] ?? []).includes(each)) ||
    paths.some((each) => each === path || each.startsWith(`${path}.`) || path.startsWith(`${each}.`) || (row !== undefined && each.startsWith(row)))
  )
}

/** What a write of `{}` (nothing hostile) is refused for. */
async function baselineOf(slug: string, id: number | null): Promise<string[]> {
  const response = id === null ? await aula.api.post(`/${slug}`, {}, { token: adminToken }) : await aula.api.patch(`/${slug}/${id}`, {}, { token: adminToken })
  return errorPaths(response.body)
}

async function write(slug: string, id: number | null, path: string, value: unknown) {
  const body = bodyFor(path, value)
  const response = id === null ? await aula.api.post(`/${slug}`, body, { token: adminToken }) : await aula.api.patch(`/${slug}/${id}`, body, { token: adminToken })
  return { response, label: `admin ${id === null ? 'POST' : 'PATCH'} /${slug}${id === null ? '' : `/${id}`} ${path}=${JSON.stringify(value)?.slice(0, 120)}` }
}

const SLUGS = aulaCollections.map((collection) => collection.slug)
const AULA_GLOBALS = new Set(aulaGlobals.map((global) => global.slug))

describe('staff writes with hostile values in every field', () => {
  it.each(SLUGS)('%s: never 5xx, a refused write names the field and changes nothing', async (slug) => {
    const id = await targetOf(slug)
    const baseline = await baselineOf(slug, id)
    const fields = leaves(configOf(slug).flattenedFields)
    const cases = fields.flatMap((leaf) => hostileFor(leaf.field).map((value) => ({ leaf, value })))
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...cases), async ({ leaf, value }) => {
        const before = await snapshot(slug)
        const { response, label } = await write(slug, id, leaf.path, value)
        expectSafe(response, label)
        if (response.status >= 400) {
          expect(await snapshot(slug)).toEqual(before)
          if (response.status === 400 && value !== null && !namesField(response.body, leaf.path, baseline, slug)) throw new Error(`${label} refused without naming ${leaf.path}: ${response.text.slice(0, 300)}`)
        }
      }),
      { seed, numRuns: Math.min(cases.length, 120) },
    )
  }, 180_000)
})

describe('every group is an object', () => {
  // Sampling above reached `marketingConsent: null` only once the users collection grew: each group, every wrong shape, deterministically.
  it.each(SLUGS)('%s: a group or named tab sent as null, a number, text or a list is refused naming it, and nothing changes', async (slug) => {
    const id = await targetOf(slug)
    const groups = leaves(configOf(slug).flattenedFields).filter((leaf) => leaf.field.type === 'group' || leaf.field.type === 'tab')
    for (const { path } of groups.filter((leaf) => !/\.\d+\./.test(leaf.path))) {
      for (const value of [null, 5, 'x', []]) {
        const before = await snapshot(slug)
        const { response, label } = await write(slug, id, path, value)
        expectSafe(response, label)
        expect({ label, status: response.status }).toEqual({ label, status: 400 })
        expect(errorPaths(response.body)).toContain(path)
        expect(await snapshot(slug)).toEqual(before)
      }
    }
  }, 180_000)
})

describe('every text field has a length bound', () => {
  it.each(SLUGS)('%s: one character over the bound is refused naming the field, or not stored (100,000 where Payload set no bound)', async (slug) => {
    const id = await targetOf(slug)
    const baseline = await baselineOf(slug, id)
    for (const { path, field } of leaves(configOf(slug).flattenedFields).filter((leaf) => TEXT_LIKE.has(leaf.field.type))) {
      // Fields Payload adds itself (an upload's filename and url, a date's _tz, the login email) have no maxLength: 100,000 characters must not be stored either.
      const bound = ('maxLength' in field && typeof field.maxLength === 'number' ? field.maxLength : null) ?? (field.type === 'email' ? 254 : 99_999)
      const value = field.type === 'email' ? `${'a'.repeat(bound - 11)}@example.com` : 'a'.repeat(bound + 1)
      const before = await snapshot(slug)
      const { response, label } = await write(slug, id, path, value)
      expectSafe(response, label)
      if (response.status >= 400) {
        expect(await snapshot(slug)).toEqual(before)
        expect({ label, named: namesField(response.body, path, baseline) }).toEqual({ label, named: true })
      } else {
        expect(await snapshot(slug)).not.toContain(value)
      }
    }
  }, 180_000)
})

describe('globals', () => {
  it('staff writes with hostile values in every field of every Aula global never answer 5xx', async () => {
    // Aula's globals; Payload's own payload-jobs-stats is added after the config factory runs (docs/security.md, known limits).
    for (const global of aula.payload.config.globals.filter((each) => AULA_GLOBALS.has(each.slug))) {
      for (const { path, field } of leaves(global.flattenedFields)) {
        for (const value of hostileFor(field)) {
          const response = await aula.api.post(`/globals/${global.slug}`, bodyFor(path, value), { token: adminToken })
          expectSafe(response, `POST /globals/${global.slug} ${path}=${JSON.stringify(value)?.slice(0, 100)}`)
          if (response.status === 400) expect({ path, value, named: namesField(response.body, path) }).toEqual({ path, value, named: true })
        }
      }
    }
  }, 120_000)
})

describe('what the outside test found', () => {
  it('a date beyond the year 9999 is a 400 naming the field, and nothing is written', async () => {
    const webinar = await createWebinar(aula.payload)
    const response = await aula.api.patch(`/webinars/${webinar.id}`, { startsAt: '+010000-01-01T00:00:00.000Z' }, { token: adminToken })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toEqual(['startsAt'])
    expect((await aula.payload.findByID({ collection: 'webinars', id: webinar.id, overrideAccess: true })).startsAt).toBe(webinar.startsAt)
  })

  it("timestamps Payload adds itself (createdAt, updatedAt, deletedAt) take only real dates: null, 'abc' and the year 10000 are a 400 naming them", async () => {
    const category = await aula.payload.create({ collection: 'categories', data: { name: 'Fechas' } as never, overrideAccess: true })
    for (const [name, value] of [['createdAt', null], ['updatedAt', 'abc'], ['deletedAt', '+010000-01-01T00:00:00.000Z'], ['createdAt', '0000-01-01']] as const) {
      const response = await aula.api.patch(`/categories/${category.id}`, { [name]: value }, { token: adminToken })
      expect({ name, value, status: response.status, paths: errorPaths(response.body) }).toEqual({ name, value, status: 400, paths: [name] })
    }
  })

  it('a relationship to a document that does not exist is a 400 naming the field, not a foreign-key 500', async () => {
    const speaker = await aula.payload.create({ collection: 'speakers', data: { name: 'Sin cuenta' } as never, overrideAccess: true })
    const response = await aula.api.patch(`/speakers/${speaker.id}`, { user: 99999999 }, { token: adminToken })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toEqual(['user'])
  })

  it('one missing document among real ones (hasMany) is a 400 naming the field, behind a polymorphic link a 404; keeping stored links still saves', async () => {
    const speaker = await aula.payload.create({ collection: 'speakers', data: { name: 'Con webinar' } as never, overrideAccess: true })
    const webinar = await createWebinar(aula.payload, { speakers: [speaker.id] })
    const hasMany = await aula.api.patch(`/webinars/${webinar.id}`, { speakers: [speaker.id, 99999998] }, { token: adminToken })
    expect(hasMany.status).toBe(400)
    expect(errorPaths(hasMany.body)).toEqual(['speakers'])
    const someone = await aula.createUser(['student'])
    // Behind a polymorphic link the enrollment's own seat rules answer first: the item is not there, 404.
    const polymorphic = await aula.api.post('/enrollments', { user: someone.id, item: { relationTo: 'courses', value: 99999997 } }, { token: adminToken })
    expect(polymorphic.status).toBe(404)
    expect((await aula.payload.count({ collection: 'enrollments', where: { user: { equals: someone.id } }, overrideAccess: true })).totalDocs).toBe(0)
    const kept = await aula.api.patch(`/webinars/${webinar.id}`, { title: 'Mismos ponentes' }, { token: adminToken })
    expect(kept.status).toBe(200)
    expect(kept.body.doc.speakers.map((each: { id?: number } | number) => (typeof each === 'number' ? each : each.id))).toEqual([speaker.id])
  })

  it('an email of 100,000 characters on register is a 400 naming email', async () => {
    const webinar = await createWebinar(aula.payload)
    const response = await aula.api.post(`/webinars/${webinar.id}/register`, { email: `${'a'.repeat(100_000)}@example.com`, firstName: 'A', lastName: 'B' })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toEqual(['email'])
  })

  it.each(['/users/login', '/users/forgot-password'])('a NUL byte in the email on %s is a 400 naming email', async (path) => {
    const response = await aula.api.post(path, { email: 'ana\u0000@example.com', password: 'x\u0000y' })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toContain('email')
  })
})
