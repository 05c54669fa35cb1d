import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Payload } from 'payload'

import { seedEmailTemplates } from '../../src/seed/emailTemplates'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'
import { ManualClock } from '../helpers/manualClock'
import { SmtpSink } from '../helpers/smtpSink'

const DAY = 24 * 3_600_000
const smtp = new SmtpSink()
const clock = new ManualClock('2030-05-10T12:00:00.000Z')
let aula: TestAula

beforeAll(async () => {
  await smtp.start()
  aula = await startTestAula({ clock, smtpTransport: smtp.transport })
  await seedEmailTemplates(aula.payload)
})

afterAll(async () => {
  await aula.close()
  await smtp.stop()
})

let counter = 0
/**
 * People written straight to the database: no registration hooks, so no email is planned for them
 * until a rule change re-plans (and 250 password hashes would take minutes).
 */
async function enrollPeople(payload: Payload, webinarId: number, count: number): Promise<number[]> {
  const ids: number[] = []
  for (let index = 0; index < count; index += 1) {
    counter += 1
    const user = await payload.db.create({ collection: 'users', data: { email: `replan-${counter}-${Date.now()}@example.com`, firstName: 'Ana', lastName: `Paz ${counter}`, roles: ['student'], language: 'es' } })
    const enrollment = await payload.db.create({ collection: 'enrollments', data: { user: user.id, item: { relationTo: 'webinars', value: webinarId }, status: 'confirmed', source: 'web' } })
    ids.push(Number(enrollment.id))
  }
  return ids
}

/** Runs the re-planning jobs until none is left, and says how many runs it took. */
async function runReplanJobs(payload: Payload): Promise<{ runs: number; handled: number[] }> {
  const where = { taskSlug: { equals: 'replanRuleEmails' } } as const
  for (let round = 0; round < 100; round += 1) {
    const result = await payload.jobs.run({ limit: 100, silent: true, where })
    if (result.noJobsRemaining) break
  }
  const { docs } = await payload.find({ collection: 'payload-jobs', where: { and: [where, { completedAt: { exists: true } }] }, pagination: false, overrideAccess: true, sort: 'createdAt' })
  await payload.delete({ collection: 'payload-jobs', where, overrideAccess: true })
  return { runs: docs.length, handled: docs.map((job) => Number((job.log as { output?: { handled?: number } }[] | undefined)?.at(-1)?.output?.handled)) }
}

/** Runs the pending email jobs of one address now, whatever Payload's real-time waitUntil says: the app clock decides. */
async function sendDueEmailsTo(payload: Payload, email: string) {
  const rows = await payload.find({ collection: 'email-log', where: { to: { equals: email } }, pagination: false, overrideAccess: true, depth: 0, select: {} })
  const ids = new Set(rows.docs.map((row) => Number(row.id)))
  const { docs } = await payload.find({ collection: 'payload-jobs', where: { and: [{ taskSlug: { equals: 'sendEmail' } }, { completedAt: { exists: false } }] }, pagination: false, overrideAccess: true })
  for (const job of docs.filter((each) => ids.has(Number((each.input as { emailLogId?: number })?.emailLogId)))) await payload.jobs.runByID({ id: job.id, silent: true })
}

const rowsOfRule = async (payload: Payload, ruleId: number) =>
  (await payload.find({ collection: 'email-log', where: { dedupeKey: { like: `rule-${ruleId}:` } }, pagination: false, overrideAccess: true, depth: 0, sort: 'id' })).docs.filter((row) =>
    String(row.dedupeKey).startsWith(`rule-${ruleId}:`),
  )

const threeDaysBefore = (webinars: { id: number }[]) => ({
  name: 'Tres días antes',
  templateKey: 'webinar_reminder_24h',
  trigger: 'before_start',
  offsetAmount: 3,
  offsetUnit: 'days',
  audience: 'confirmed',
  scope: 'items',
  items: webinars.map((webinar) => ({ relationTo: 'webinars', value: webinar.id })),
})

describe('re-planning when an email rule changes', () => {
  const startsAt = new Date('2030-05-20T00:00:00.000Z')
  let big: { id: number }
  let small: { id: number }
  let bigPeople: number[]
  let smallPeople: number[]
  let ruleId: number

  beforeAll(async () => {
    big = await createWebinar(aula.payload, { title: 'Webinar multitudinario', startsAt: startsAt.toISOString() })
    small = await createWebinar(aula.payload, { title: 'Webinar pequeño', startsAt: startsAt.toISOString() })
    bigPeople = await enrollPeople(aula.payload, big.id, 250)
    smallPeople = await enrollPeople(aula.payload, small.id, 3)
  })

  it('a new "3 days before" rule reaches all 253 people through several short jobs, never one request', async () => {
    const rule = await aula.payload.create({ collection: 'email-rules', data: threeDaysBefore([big, small]) as never, overrideAccess: true, context: { replanBatchSize: 50 } })
    ruleId = Number(rule.id)
    const { runs, handled } = await runReplanJobs(aula.payload)
    // 253 people in batches of 50: five full batches, one of 3, each its own job.
    expect(runs).toBe(6)
    expect(Math.max(...handled)).toBeLessThanOrEqual(50)
    const rows = await rowsOfRule(aula.payload, ruleId)
    expect(rows).toHaveLength(253)
    expect(new Set(rows.map((row) => row.dedupeKey)).size).toBe(253)
    const firstKey = `rule-${ruleId}:${bigPeople[0]}:${startsAt.toISOString()}`
    const first = rows.find((row) => row.dedupeKey === firstKey)!
    expect(first.status).toBe('queued')
    expect(new Date(first.scheduledFor as string).toISOString()).toBe(new Date(startsAt.getTime() - 3 * DAY).toISOString())
    expect(first.rule).toBe(ruleId)
  })

  it('an edited offset re-times the same queued emails under the same keys: nobody gets two', async () => {
    const before = await rowsOfRule(aula.payload, ruleId)
    await aula.payload.update({ collection: 'email-rules', id: ruleId, data: { offsetAmount: 2 } as never, overrideAccess: true, context: { replanBatchSize: 100 } })
    const { runs } = await runReplanJobs(aula.payload)
    expect(runs).toBe(3)
    const after = await rowsOfRule(aula.payload, ruleId)
    expect(after.map((row) => row.id)).toEqual(before.map((row) => row.id))
    expect(new Set(after.map((row) => row.status))).toEqual(new Set(['queued']))
    expect(new Set(after.map((row) => new Date(row.scheduledFor as string).toISOString()))).toEqual(new Set([new Date(startsAt.getTime() - 2 * DAY).toISOString()]))
  })

  it('a rule switched off for one item cancels only that item’s emails, and switching it back on queues them again', async () => {
    const ofSmall = (rows: Record<string, any>[]) => rows.filter((row) => smallPeople.some((id) => String(row.dedupeKey).startsWith(`rule-${ruleId}:${id}:`)))
    await aula.payload.update({ collection: 'webinars', id: small.id, data: { emailRulesOff: [ruleId] } as never, overrideAccess: true })
    expect((await runReplanJobs(aula.payload)).runs).toBe(1)
    let rows = await rowsOfRule(aula.payload, ruleId)
    expect(ofSmall(rows).map((row) => row.status)).toEqual(['cancelled', 'cancelled', 'cancelled'])
    expect(rows.filter((row) => row.status === 'queued')).toHaveLength(250)

    await aula.payload.update({ collection: 'webinars', id: small.id, data: { emailRulesOff: [] } as never, overrideAccess: true })
    await runReplanJobs(aula.payload)
    rows = await rowsOfRule(aula.payload, ruleId)
    expect(ofSmall(rows).map((row) => row.status)).toEqual(['queued', 'queued', 'queued'])
  })

  it('a rule that now sends another email replaces the unsent rows with the new template', async () => {
    await aula.payload.update({ collection: 'email-rules', id: ruleId, data: { templateKey: 'webinar_reminder_1h' } as never, overrideAccess: true, context: { replanBatchSize: 300 } })
    await runReplanJobs(aula.payload)
    const rows = await rowsOfRule(aula.payload, ruleId)
    const queued = rows.filter((row) => row.status === 'queued')
    expect(queued).toHaveLength(253)
    expect(new Set(queued.map((row) => row.templateKey))).toEqual(new Set(['webinar_reminder_1h']))
    // The replaced rows stay in the log as cancelled, under a released key.
    expect(rows.filter((row) => row.status === 'cancelled' && String(row.dedupeKey).includes('~replaced-'))).toHaveLength(253)
  })

  it('a deleted rule’s queued emails are all cancelled, in batches', async () => {
    await aula.payload.delete({ collection: 'email-rules', id: ruleId, overrideAccess: true, context: { replanBatchSize: 100 } })
    const { runs } = await runReplanJobs(aula.payload)
    expect(runs).toBe(3)
    const rows = await rowsOfRule(aula.payload, ruleId)
    expect(rows.filter((row) => row.status === 'queued')).toHaveLength(0)
  })
})

describe('a rule edited after its emails went out', () => {
  it('does not send them again: the key names the start, never the offset', async () => {
    const startsAt = new Date(clock.now().getTime() + 5 * DAY)
    const webinar = await createWebinar(aula.payload, { title: 'Webinar ya avisado', startsAt: startsAt.toISOString() })
    const [enrollmentId] = await enrollPeople(aula.payload, webinar.id, 1)
    const enrollment = await aula.payload.findByID({ collection: 'enrollments', id: enrollmentId, depth: 1, overrideAccess: true })
    const email = String((enrollment.user as { email: string }).email)
    const rule = await aula.payload.create({ collection: 'email-rules', data: { ...threeDaysBefore([webinar]), name: 'Aviso temprano' } as never, overrideAccess: true })
    await runReplanJobs(aula.payload)

    clock.set(new Date(startsAt.getTime() - 3 * DAY + 60_000))
    await sendDueEmailsTo(aula.payload, email)
    const [sent] = await rowsOfRule(aula.payload, Number(rule.id))
    expect(sent.status).toBe('sent')

    // Now "1 day before": the same key, already sent; nothing new is queued, the sent row is not sent again.
    await aula.payload.update({ collection: 'email-rules', id: rule.id, data: { offsetAmount: 1 } as never, overrideAccess: true })
    await runReplanJobs(aula.payload)
    clock.set(new Date(startsAt.getTime() - DAY + 60_000))
    await sendDueEmailsTo(aula.payload, email)
    const rows = await rowsOfRule(aula.payload, Number(rule.id))
    expect(rows.map((row) => [row.id, row.status, row.sentAt])).toEqual([[sent.id, 'sent', sent.sentAt]])
    // Every message the person got is one sent row of the log (the stock reminders have their own): none twice.
    const sentRows = await aula.payload.find({ collection: 'email-log', where: { and: [{ to: { equals: email } }, { status: { equals: 'sent' } }] }, pagination: false, overrideAccess: true })
    expect(smtp.to(email)).toHaveLength(sentRows.docs.length)
    clock.set(new Date('2030-05-10T12:00:00.000Z'))
  })
})

describe('a rule switched off for everyone', () => {
  it('cancels its queued emails, and a rule whose name alone changed re-plans nothing', async () => {
    const webinar = await createWebinar(aula.payload, { title: 'Webinar sin aviso', startsAt: '2030-06-20T00:00:00.000Z' })
    await enrollPeople(aula.payload, webinar.id, 2)
    const rule = await aula.payload.create({ collection: 'email-rules', data: { ...threeDaysBefore([webinar]), name: 'Aviso' } as never, overrideAccess: true })
    await runReplanJobs(aula.payload)
    await aula.payload.update({ collection: 'email-rules', id: rule.id, data: { name: 'Aviso (renombrado)' } as never, overrideAccess: true })
    expect((await runReplanJobs(aula.payload)).runs).toBe(0)

    await aula.payload.update({ collection: 'email-rules', id: rule.id, data: { active: false } as never, overrideAccess: true })
    await runReplanJobs(aula.payload)
    expect((await rowsOfRule(aula.payload, Number(rule.id))).map((row) => row.status)).toEqual(['cancelled', 'cancelled'])
  })
})

describe('a webinar moved into a category', () => {
  it('gets the emails of that category’s rules, and loses them when it leaves', async () => {
    const category = await aula.payload.create({ collection: 'categories', data: { name: `Finanzas ${Date.now()}` } as never, overrideAccess: true })
    const webinar = await createWebinar(aula.payload, { title: 'Webinar sin categoría', startsAt: '2030-06-25T00:00:00.000Z' })
    await enrollPeople(aula.payload, webinar.id, 2)
    const rule = await aula.payload.create({
      collection: 'email-rules',
      data: { ...threeDaysBefore([]), name: 'Aviso de finanzas', scope: 'categories', items: [], categories: [category.id] } as never,
      overrideAccess: true,
    })
    await runReplanJobs(aula.payload)
    expect(await rowsOfRule(aula.payload, Number(rule.id))).toHaveLength(0)

    await aula.payload.update({ collection: 'webinars', id: webinar.id, data: { category: category.id } as never, overrideAccess: true })
    await runReplanJobs(aula.payload)
    expect((await rowsOfRule(aula.payload, Number(rule.id))).map((row) => row.status)).toEqual(['queued', 'queued'])

    await aula.payload.update({ collection: 'webinars', id: webinar.id, data: { category: null } as never, overrideAccess: true })
    await runReplanJobs(aula.payload)
    expect((await rowsOfRule(aula.payload, Number(rule.id))).map((row) => row.status)).toEqual(['cancelled', 'cancelled'])
  })
})
