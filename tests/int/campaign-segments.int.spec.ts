import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { sql } from '@payloadcms/db-postgres/drizzle'
import { createLocalReq, type PayloadRequest } from 'payload'

import { readSegment } from '../../src/automation/campaigns/readSegment'
import { countSegment, segmentRecipients } from '../../src/automation/campaigns/segment'
import { poolDrizzle } from '../../src/email/database'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createCourse, createWebinar } from '../helpers/catalog'
import { ManualClock } from '../helpers/manualClock'

/**
 * Segments (src/automation/campaigns/segment.ts): each kind reaches exactly the people it describes,
 * once per address, and only those with marketing consent who are not suppressed.
 */
let aula: TestAula
let req: PayloadRequest
const clock = new ManualClock(new Date('2030-01-10T15:00:00.000Z'))
const tag = `seg${Date.now().toString(36)}`
const ids: Record<string, number> = {}
const emails: Record<string, string> = {}

const db = () => poolDrizzle(aula.payload)

async function person(label: string, { consent = true, language = 'es' }: { consent?: boolean; language?: string } = {}) {
  const email = `${tag}-${label}@segments.test`
  const user = await aula.payload.create({
    collection: 'users',
    overrideAccess: true,
    disableVerificationEmail: true,
    data: { email, password: 'correct horse battery', roles: ['student'], firstName: label, lastName: 'Prueba', language, _verified: true, marketingConsent: { granted: consent } } as never,
  })
  ids[label] = user.id as number
  emails[label] = email
  return user.id as number
}

async function enroll(label: string, relationTo: 'webinars' | 'courses', itemId: number) {
  const enrollment = await aula.payload.create({
    collection: 'enrollments',
    overrideAccess: true,
    data: { user: ids[label], item: { relationTo, value: itemId }, status: 'confirmed', paymentStatus: 'not_required', amount: 0 } as never,
  })
  return enrollment.id as number
}

const addresses = async (segment: Record<string, unknown>, limit = 100) =>
  (await segmentRecipients(req, readSegment(req, segment), { limit })).map((recipient) => recipient.email)

const expected = (...labels: string[]) => labels.map((label) => (emails[label] ?? `${tag}-${label}@segments.test`).toLowerCase()).sort()

let pastWebinar: number
let futureWebinar: number
let course: number
let category: number

beforeAll(async () => {
  aula = await startTestAula({ clock })
  req = await createLocalReq({}, aula.payload)
  category = (await aula.payload.create({ collection: 'categories', data: { name: `Datos ${tag}`, slug: `datos-${tag}` } as never, overrideAccess: true })).id as number
  pastWebinar = (await createWebinar(aula.payload, { startsAt: '2030-02-01T15:00:00.000Z', category })).id as number
  futureWebinar = (await createWebinar(aula.payload, { startsAt: '2030-06-01T15:00:00.000Z' })).id as number
  course = (await createCourse(aula.payload, { category, regularPrice: 0 })).id as number

  for (const label of ['attended', 'noShow', 'waitlisted', 'completed', 'cancelled', 'twice', 'lapsed', 'returned']) await person(label)
  await person('english', { language: 'en' })
  await person('noConsent', { consent: false })
  await person('suppressed')
  await person('withdrawn')

  const attendedId = await enroll('attended', 'webinars', pastWebinar)
  const noShowId = await enroll('noShow', 'webinars', pastWebinar)
  await enroll('english', 'webinars', pastWebinar)
  await enroll('noConsent', 'webinars', pastWebinar)
  await enroll('suppressed', 'webinars', pastWebinar)
  await enroll('withdrawn', 'webinars', pastWebinar)
  const cancelledId = await enroll('cancelled', 'webinars', pastWebinar)
  const waitlistedId = await enroll('waitlisted', 'webinars', futureWebinar)
  const completedId = await enroll('completed', 'courses', course)
  await enroll('twice', 'webinars', pastWebinar)
  await enroll('twice', 'courses', course)
  const lapsedId = await enroll('lapsed', 'webinars', futureWebinar)
  const returnedOld = await enroll('returned', 'courses', course)
  await enroll('returned', 'webinars', futureWebinar)

  // What cancelling, a full webinar, attendance, completion and the passing of time would have recorded.
  await db().execute(sql`UPDATE enrollments SET created_at = ${clock.now()}`)
  await db().execute(sql`UPDATE enrollments SET status = 'cancelled' WHERE id = ${cancelledId}`)
  await db().execute(sql`UPDATE enrollments SET status = 'waitlisted' WHERE id = ${waitlistedId}`)
  await db().execute(sql`UPDATE enrollments SET attended = true WHERE id IN (${attendedId}, ${completedId})`)
  await db().execute(sql`UPDATE enrollments SET attended = false WHERE id = ${noShowId}`)
  await db().execute(sql`UPDATE enrollments SET completed_at = ${new Date('2030-04-30T12:00:00Z')} WHERE id = ${completedId}`)
  await db().execute(sql`UPDATE enrollments SET created_at = ${new Date('2028-03-01T12:00:00Z')} WHERE id IN (${lapsedId}, ${returnedOld})`)
  await db().execute(sql`UPDATE users SET marketing_consent_withdrawn_at = ${clock.now()} WHERE id = ${ids.withdrawn}`)
  await aula.payload.create({ collection: 'email-suppressions', data: { email: emails.suppressed, reason: 'staff' } as never, overrideAccess: true })

  // Leads: one with the same address as an enrolled person (one email, not two).
  const lead = (label: string, data: Record<string, unknown>) =>
    aula.payload.create({
      collection: 'leads',
      overrideAccess: true,
      context: { skipAssignment: true },
      data: { firstName: label, lastName: 'Lead', email: `${tag}-${label}@segments.test`, type: 'individual', marketingConsent: { granted: true }, ...data } as never,
    })
  await lead('vip', { stage: 'qualified', source: 'referral', tags: ['VIP', 'otro'], interest: { relationTo: 'webinars', value: futureWebinar } })
  await lead('cold', { stage: 'new', source: 'web_form', tags: ['frio'] })
  await lead('leadNoConsent', { stage: 'qualified', source: 'referral', tags: ['vip'], marketingConsent: { granted: false } })
  await aula.payload.create({
    collection: 'leads',
    overrideAccess: true,
    context: { skipAssignment: true },
    data: { firstName: 'Ana', lastName: 'Dup', email: emails.attended.toUpperCase(), type: 'individual', stage: 'qualified', source: 'referral', tags: ['vip'], marketingConsent: { granted: true } } as never,
  })
  // February's webinar and March's course have started; June's webinar has not.
  clock.set('2030-05-01T15:00:00.000Z')
}, 180_000)

afterAll(async () => {
  await aula?.close()
})

describe('people enrolled in items', () => {
  it('reaches the confirmed people of a chosen webinar with consent, not the cancelled, the unconsenting, the withdrawn or the suppressed', async () => {
    const segment = { kind: 'enrolled', items: [{ relationTo: 'webinars', value: pastWebinar }], statuses: ['confirmed'] }
    expect(await addresses(segment)).toEqual(expected('attended', 'english', 'noShow', 'twice'))
    expect(await countSegment(req, readSegment(req, segment))).toEqual({ total: 7, withConsent: 5, suppressed: 1, reachable: 4 })
  })

  it('tells attended, no-shows, completed and waitlisted apart', async () => {
    const items = [
      { relationTo: 'webinars', value: pastWebinar },
      { relationTo: 'webinars', value: futureWebinar },
      { relationTo: 'courses', value: course },
    ]
    expect(await addresses({ kind: 'enrolled', items, statuses: ['attended'] })).toEqual(expected('attended', 'completed'))
    expect(await addresses({ kind: 'enrolled', items, statuses: ['no_show'] })).toEqual(expected('english', 'noShow', 'returned', 'twice'))
    expect(await addresses({ kind: 'enrolled', items, statuses: ['completed'] })).toEqual(expected('completed'))
    expect(await addresses({ kind: 'enrolled', items, statuses: ['waitlisted'] })).toEqual(expected('waitlisted'))
  })

  it('reaches an item through its category, and one address once even with two enrollments', async () => {
    const reached = await addresses({ kind: 'enrolled', categories: [category], statuses: ['confirmed'] })
    expect(reached).toEqual(expected('attended', 'completed', 'english', 'noShow', 'returned', 'twice'))
    expect(new Set(reached).size).toBe(reached.length)
  })

  it('keeps only items that start within the dates, both days included', async () => {
    const onlyFebruary = { kind: 'enrolled', statuses: ['confirmed'], from: '2030-02-01T12:00:00.000Z', until: '2030-02-01T12:00:00.000Z' }
    expect(await addresses(onlyFebruary)).toEqual(expected('attended', 'english', 'noShow', 'twice'))
    const june = { kind: 'enrolled', statuses: ['confirmed', 'waitlisted'], from: '2030-05-01T12:00:00.000Z', until: '2030-06-30T12:00:00.000Z' }
    expect(await addresses(june)).toEqual(expected('lapsed', 'returned', 'waitlisted'))
  })

  it('gives each person their name and language', async () => {
    const [english] = await segmentRecipients(req, readSegment(req, { kind: 'enrolled', items: [{ relationTo: 'webinars', value: pastWebinar }] }), {
      afterEmail: emails.attended.toUpperCase(),
      limit: 1,
    })
    expect(english).toMatchObject({ email: emails.english.toLowerCase(), firstName: 'english', lastName: 'Prueba', language: 'en', userId: ids.english })
  })
})

describe('leads', () => {
  it('filters by stage, source, tag (any case) and interest, with consent only', async () => {
    expect(await addresses({ kind: 'leads', stages: ['qualified'], sources: ['referral'] })).toEqual(expected('attended', 'vip'))
    expect(await addresses({ kind: 'leads', tags: ['vip'] })).toEqual(expected('attended', 'vip'))
    expect(await addresses({ kind: 'leads', items: [{ relationTo: 'webinars', value: futureWebinar }] })).toEqual(expected('vip'))
    expect(await addresses({ kind: 'leads', stages: ['new'] })).toEqual(expected('cold'))
    expect(await countSegment(req, readSegment(req, { kind: 'leads', tags: ['vip'] }))).toEqual({ total: 3, withConsent: 2, suppressed: 0, reachable: 2 })
  })

  it('writes to a lead in the language of the account with the same address', async () => {
    const [dup] = await segmentRecipients(req, readSegment(req, { kind: 'leads', tags: ['vip'] }), { limit: 1 })
    expect(dup).toMatchObject({ email: emails.attended.toLowerCase(), language: 'es', firstName: 'Ana' })
  })
})

describe('students who did not enroll again', () => {
  it('reaches people with a confirmed enrollment before the date and none since', async () => {
    expect(await addresses({ kind: 'lapsed_students', lastEnrolledBefore: '2029-01-01T12:00:00.000Z' })).toEqual(expected('lapsed'))
  })
})

describe('paging and scale', () => {
  it('pages by address with a cursor: every person once, none skipped', async () => {
    const segment = readSegment(req, { kind: 'enrolled', statuses: ['confirmed', 'waitlisted'] })
    const all = await segmentRecipients(req, segment, { limit: 100 })
    const paged: string[] = []
    let afterEmail: string | undefined
    for (;;) {
      const page = await segmentRecipients(req, segment, { afterEmail, limit: 2 })
      if (!page.length) break
      paged.push(...page.map((recipient) => recipient.email))
      afterEmail = page[page.length - 1].email
    }
    expect(paged).toEqual(all.map((recipient) => recipient.email))
  })

  it('counts a 20,000-lead segment in one quick statement', async () => {
    const bulk = `${tag}bulk`
    await db().execute(sql`
      WITH inserted AS (
        INSERT INTO leads (first_name, last_name, email, type, stage, source, marketing_consent_granted, updated_at, created_at)
        SELECT 'P', 'Q', ${bulk} || '-' || n || '@bulk.test', 'individual', 'new', 'event', n % 4 <> 0, now(), now()
          FROM generate_series(1, 20000) AS n
        RETURNING id)
      INSERT INTO leads_texts ("order", parent_id, path, text) SELECT 1, id, 'tags', ${bulk} FROM inserted`)
    const started = Date.now()
    const count = await countSegment(req, readSegment(req, { kind: 'leads', tags: [bulk] }))
    const elapsed = Date.now() - started
    expect(count).toEqual({ total: 20000, withConsent: 15000, suppressed: 0, reachable: 15000 })
    expect(elapsed).toBeLessThan(3000)
  })
})

describe('reading a segment', () => {
  it('answers 400 naming the field for an unknown status, a bad date or a missing lapsed date', () => {
    const paths = (raw: unknown) => {
      try {
        readSegment(req, raw)
        return []
      } catch (error) {
        return ((error as { data?: { errors?: { path: string }[] } }).data?.errors ?? []).map((item) => item.path)
      }
    }
    expect(paths({ kind: 'enrolled', statuses: ['everyone'] })).toEqual(['segment.statuses'])
    expect(paths({ kind: 'enrolled', from: 'yesterday' })).toEqual(['segment.from'])
    expect(paths({ kind: 'lapsed_students' })).toEqual(['segment.lastEnrolledBefore'])
    expect(paths({ kind: 'everyone' })).toEqual(['segment.kind'])
    expect(paths({ kind: 'enrolled', from: '2030-03-01', until: '2030-02-01' })).toEqual(['segment.until'])
  })
})
