import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { ENROLLMENT_SHAPE_WRITTEN, enrollmentShape } from '../../src/enrollment/createEnrollmentCoverage'
import { poolDrizzle, rowsOf } from '../../src/email/database'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createCourse, createWebinar } from '../helpers/catalog'
import { WebhookReceiver } from '../helpers/webhookReceiver'

/**
 * The registration fast path (src/enrollment/createEnrollment.ts, docs/decisions/0034) writes exactly
 * what Payload's own create writes. Each case registers twice through the real REST handler, once with
 * `AULA_FAST_PATHS=off` on one item and once with the fast path on its twin, and compares every row
 * every table gained or changed, and the answer. Every sequence starts at its own million, so an id
 * names its table wherever it appears (a column, a job's input, an audit entry, a URL) and both sides'
 * ids are replaced by their table and order; timestamps of this minute and random values (tokens, salts, event ids, transaction ids) are masked.
 */
let aula: TestAula
const receiver = new WebhookReceiver()

const db = () => poolDrizzle(aula.payload)

let tables: string[] = []
/** Sequence start per table: the id → table map that normalises both sides. */
const idBase = new Map<number, string>()
const ID_RANGE = 1_000_000

beforeAll(async () => {
  await receiver.start()
  aula = await startTestAula()
  const admin = await aula.createUser(['admin'])
  // A webhook that takes enrollment events: its delivery rows are part of what a registration writes.
  const webhook = await aula.api.post('/webhooks', { name: 'Sitio', url: receiver.url('/hooks/1'), events: ['enrollment.created', 'enrollment.cancelled'] }, { token: admin.token })
  expect(webhook.status).toBe(201)
  tables = rowsOf<{ name: string }>(await db().execute(sql`
    SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'payload_migrations' ORDER BY 1`)).map((row) => row.name)
  const sequences = rowsOf<{ name: string; owner: string }>(await db().execute(sql`
    SELECT s.relname AS name, t.relname AS owner FROM pg_class s JOIN pg_depend d ON d.objid = s.oid JOIN pg_class t ON t.oid = d.refobjid
     WHERE s.relkind = 'S' AND d.deptype IN ('a', 'i') ORDER BY 1`))
  for (const [index, sequence] of sequences.entries()) {
    const base = (index + 2) * ID_RANGE
    idBase.set(base, sequence.owner)
    await db().execute(sql`SELECT setval(${sequence.name}::regclass, ${base})`)
  }
}, 120_000)

afterAll(async () => {
  delete process.env.AULA_FAST_PATHS
  await aula.close()
  await receiver.stop()
})

type Snapshot = Map<string, Set<string>>

async function snapshot(): Promise<Snapshot> {
  const result: Snapshot = new Map()
  for (const table of tables) {
    const rows = rowsOf<{ row: string }>(await db().execute(sql`SELECT to_jsonb(t)::text AS row FROM ${sql.identifier(table)} t`))
    result.set(table, new Set(rows.map((row) => row.row)))
  }
  return result
}

interface Side {
  email: string
  /** What else differs between twins by construction (a slug, a course code). */
  names: string[]
}

/** Replaces one side's ids (by table and order of appearance), its email and slug, this minute's timestamps and random values. */
function normaliserFor(side: Side) {
  const ordinals = new Map<number, string>()
  const perTable = new Map<string, number>()
  const name = (id: number) => {
    const base = Math.floor(id / ID_RANGE) * ID_RANGE
    const table = idBase.get(base)
    if (!table || id <= base) return null
    if (!ordinals.has(id)) {
      perTable.set(table, (perTable.get(table) ?? 0) + 1)
      ordinals.set(id, `<${table}#${perTable.get(table)}>`)
    }
    return ordinals.get(id)!
  }
  const now = Date.now()
  const normalise = (value: unknown): unknown => {
    if (typeof value === 'number') return name(value) ?? value
    if (typeof value === 'string') {
      const time = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value) ? Date.parse(value) : NaN
      if (!Number.isNaN(time) && Math.abs(time - now) < 10 * 60_000) return '<now>'
      let text = value.replaceAll(side.email, '<email>')
      for (const [index, unique] of side.names.entries()) text = text.replaceAll(unique, `<name${index + 1}>`)
      return text
        .replace(/DTSTAMP:\d{8}T\d{6}Z?/g, 'DTSTAMP:<now>')
        .replace(/token=[A-Za-z0-9_-]{20,}/g, 'token=<token>')
        .replace(/(?<![0-9A-Za-z])[0-9a-f]{24,}(?![0-9A-Za-z])/g, '<random>')
        .replace(/(?<![0-9A-Za-z])\d{7,}(?![0-9A-Za-z])/g, (digits) => name(Number(digits)) ?? digits)
    }
    if (Array.isArray(value)) return value.map(normalise)
    // A transaction's id differs between any two registrations.
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, key === 'xid' ? '<xid>' : normalise(inner)]))
    return value
  }
  return normalise
}

/** Rows each table gained or changed between two snapshots, oldest id first, normalised. */
function written(before: Snapshot, after: Snapshot, normalise: (value: unknown) => unknown): Record<string, unknown[]> {
  const changes: Record<string, unknown[]> = {}
  for (const table of tables) {
    const old = before.get(table)!
    const added = [...after.get(table)!].filter((row) => !old.has(row)).map((row) => JSON.parse(row) as { id?: number })
    if (added.length) changes[table] = added.sort((a, b) => Number(a.id ?? 0) - Number(b.id ?? 0)).map(normalise)
  }
  return changes
}

interface Registration {
  path: string
  names: string[]
  email: string
  body: Record<string, unknown>
  headers?: Record<string, string>
}

type Outcome = { rows: Record<string, unknown[]>; status: number; answer: unknown }

/** Registers once per path, each on its own twin made by `setUp`; returns both sides' rows and answers, normalised. */
async function both(setUp: (side: 'payload' | 'fast') => Promise<Registration>): Promise<Record<'payload' | 'fast', Outcome>> {
  const outcomes: Partial<Record<'payload' | 'fast', Outcome>> = {}
  for (const side of ['payload', 'fast'] as const) {
    const { path, names, email, body, headers } = await setUp(side)
    const before = await snapshot()
    process.env.AULA_FAST_PATHS = side === 'payload' ? 'off' : 'on'
    const response = await aula.api.post(path, body, { headers }).finally(() => delete process.env.AULA_FAST_PATHS)
    const after = await snapshot()
    const normalise = normaliserFor({ email, names })
    // Rows first: the ids are numbered in the order the tables hold them, then the answer uses the same names.
    const rows = written(before, after, normalise)
    outcomes[side] = { rows, status: response.status, answer: normalise(response.body) }
  }
  return outcomes as Record<'payload' | 'fast', Outcome>
}

let counter = 0
const person = (side: string, label: string) => ({ email: `${label}-${(counter += 1)}@${side}.example`, firstName: 'Ana María', lastName: 'Pérez', company: 'Acme' })

describe('the registration fast path', () => {
  it('is written for this config: a new enrollments field, default or field hook fails here until the fast path handles it', () => {
    expect(enrollmentShape(aula.payload)).toEqual([...ENROLLMENT_SHAPE_WRITTEN])
  })

  const webinarTwin = async (side: string, overrides: Record<string, unknown> = {}) => {
    const webinar = await createWebinar(aula.payload, { title: 'Finanzas personales', capacity: 5, ...overrides })
    return { id: Number(webinar.id), slug: String(webinar.slug) }
  }
  const expectSame = (outcomes: Record<'payload' | 'fast', Outcome>) => {
    expect(outcomes.payload.status).toBe(201)
    expect(outcomes.fast.rows).toEqual(outcomes.payload.rows)
    expect(outcomes.fast.answer).toEqual(outcomes.payload.answer)
    expect(outcomes.fast.status).toBe(outcomes.payload.status)
  }

  it('writes what Payload writes for a new person taking a seat: account, enrollment, emails, reminders, audit, webhook, seat', async () => {
    const outcomes = await both(async (side) => {
      const webinar = await webinarTwin(side)
      const body = person(side, 'nueva')
      return { path: `/webinars/${webinar.id}/register`, names: [webinar.slug], email: body.email, body }
    })
    expectSame(outcomes)
    expect(Object.keys(outcomes.fast.rows)).toEqual(expect.arrayContaining(['users', 'enrollments', 'enrollments_rels', 'email_log', 'payload_jobs', 'audit_log', 'webinars']))
    expect(outcomes.fast.answer).toMatchObject({ doc: { status: 'confirmed' } })
  })

  it('writes what Payload writes for a webinar in a category with one of the stock email rules switched off', async () => {
    const category = await aula.payload.create({ collection: 'categories', data: { name: 'Finanzas' } as never, overrideAccess: true })
    const { docs: rules } = await aula.payload.find({ collection: 'email-rules', where: { templateKey: { equals: 'webinar_access_15m' } }, limit: 1, overrideAccess: true })
    expect(rules).toHaveLength(1)
    const outcomes = await both(async (side) => {
      const webinar = await webinarTwin(side, { category: category.id, emailRulesOff: [rules[0]!.id] })
      const body = person(side, 'categoria')
      return { path: `/webinars/${webinar.id}/register`, names: [webinar.slug], email: body.email, body }
    })
    expectSame(outcomes)
    // The switched-off rule's email is not planned on either path.
    expect(outcomes.fast.rows.email_log.map((row: any) => row.template_key).sort()).toEqual(['enrollment_confirmed', 'webinar_reminder_1h', 'webinar_reminder_24h'])
  })

  it('writes the same audit entries for a name full of quotes, backslashes and dollar signs (written out as literals on the fast path)', async () => {
    const outcomes = await both(async (side) => {
      const webinar = await webinarTwin(side)
      const body = { ...person(side, 'comillas'), firstName: "Ana '); DROP TABLE users; --", lastName: 'O\\\'Brien $$ $1 \\x ñandú 🎓', company: "E'\\n" }
      return { path: `/webinars/${webinar.id}/register`, names: [webinar.slug], email: body.email, body }
    })
    expectSame(outcomes)
    expect(JSON.stringify(outcomes.fast.rows.audit_log)).toContain("Ana '); DROP TABLE users; --")
  })

  it('writes what Payload writes for a person who already has an account, with consent and an Idempotency-Key', async () => {
    const outcomes = await both(async (side) => {
      const webinar = await webinarTwin(side)
      const body = person(side, 'conocida')
      await aula.payload.create({ collection: 'users', data: { ...body, password: 'una clave larga 123', roles: ['student'] } as never, overrideAccess: true })
      return { path: `/webinars/${webinar.id}/register`, names: [webinar.slug], email: body.email, body: { ...body, marketingConsent: true }, headers: { 'Idempotency-Key': `clave-${side}` } }
    })
    expectSame(outcomes)
    // The account is not made again; the form's consent is recorded on it.
    expect(outcomes.fast.rows.users).toEqual([expect.objectContaining({ email: '<email>', marketing_consent_granted: true })])
  })

  it('writes what Payload writes for a person put on the waitlist of a full webinar', async () => {
    const outcomes = await both(async (side) => {
      const webinar = await webinarTwin(side, { capacity: 1 })
      const first = person(side, 'primera')
      process.env.AULA_FAST_PATHS = 'off'
      expect((await aula.api.post(`/webinars/${webinar.id}/register`, first)).status).toBe(201)
      delete process.env.AULA_FAST_PATHS
      const body = person(side, 'espera')
      return { path: `/webinars/${webinar.id}/register`, names: [webinar.slug], email: body.email, body }
    })
    expectSame(outcomes)
    expect(outcomes.fast.answer).toMatchObject({ doc: { status: 'waitlisted' } })
  })

  it('writes what Payload writes for a free course with sessions (one invite entry and reminder per session)', async () => {
    const outcomes = await both(async (side) => {
      const course = await createCourse(aula.payload, { title: 'Excel para equipos', regularPrice: 0, capacity: 10 })
      const body = person(side, 'curso')
      return { path: `/courses/${course.id}/enroll`, names: [String(course.slug), String(course.courseCode)], email: body.email, body }
    })
    expectSame(outcomes)
    expect(outcomes.fast.answer).toMatchObject({ doc: { status: 'confirmed', item: { relationTo: 'courses' } } })
  })

  it('answers a second registration of the same person the same way, writing only the "already registered" email', async () => {
    const outcomes = await both(async (side) => {
      const webinar = await webinarTwin(side)
      const body = person(side, 'repetida')
      expect((await aula.api.post(`/webinars/${webinar.id}/register`, body)).status).toBe(201)
      return { path: `/webinars/${webinar.id}/register`, names: [webinar.slug], email: body.email, body }
    })
    expectSame(outcomes)
    expect(outcomes.fast.rows.enrollments).toBeUndefined()
  })
})
