import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { createLocalReq, type Payload } from 'payload'

import { recordMany } from '../../src/attendance/record'
import { seedEmailTemplates } from '../../src/seed/emailTemplates'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'
import { drainQueue } from '../helpers/email'
import { ManualClock } from '../helpers/manualClock'
import { SmtpSink } from '../helpers/smtpSink'

const HOUR = 3_600_000
const START = '2030-05-10T12:00:00.000Z'
const smtp = new SmtpSink()
const clock = new ManualClock(START)
let aula: TestAula
let admin: Awaited<ReturnType<TestAula['createUser']>>

beforeAll(async () => {
  await smtp.start()
  aula = await startTestAula({ clock, smtpTransport: smtp.transport })
  await seedEmailTemplates(aula.payload)
  admin = await aula.createUser(['admin'])
})

afterEach(() => clock.set(START))

afterAll(async () => {
  await aula.close()
  await smtp.stop()
})

type Person = { enrollmentId: number; email: string }

const webinar = (title: string, overrides: Record<string, unknown> = {}) => createWebinar(aula.payload, { title, startsAt: '2030-05-20T00:00:00.000Z', durationMinutes: 60, ...overrides })

async function register(webinarId: number, firstName: string, overrides: Record<string, unknown> = {}): Promise<Person> {
  const student = await aula.createUser(['student'], { firstName, ...overrides })
  const response = await aula.api.post(`/webinars/${webinarId}/register`, undefined, { token: student.token })
  expect([response.status, response.body?.errors]).toEqual([201, undefined])
  return { enrollmentId: response.body.doc.id, email: student.email }
}

/** A staff rule on one enrollment change, for the given webinars only (so tests never see each other's rules). */
async function changeRule(event: string, webinarIds: number[], data: Record<string, unknown> = {}) {
  const response = await aula.api.post(
    '/email-rules',
    {
      name: `Al cambiar a ${event}`,
      templateKey: 'webinar_reminder_24h',
      trigger: 'enrollment_change',
      enrollmentEvent: event,
      offsetAmount: 0,
      offsetUnit: 'hours',
      scope: 'items',
      items: webinarIds.map((value) => ({ relationTo: 'webinars', value })),
      ...data,
    },
    { token: admin.token },
  )
  expect([response.status, response.body?.errors]).toEqual([201, undefined])
  return response.body.doc as { id: number }
}

/** The rows staff rules queued for a person (transactional replies and stock reminders left aside). */
async function ruleRows(person: Person) {
  const { docs } = await aula.payload.find({ collection: 'email-log', where: { to: { equals: person.email.toLowerCase() } }, pagination: false, depth: 0, overrideAccess: true })
  return docs
    .filter((row) => String(row.dedupeKey).startsWith('rule-'))
    .sort((a, b) => String(a.dedupeKey).localeCompare(String(b.dedupeKey)))
    .map((row) => ({ dedupeKey: row.dedupeKey, templateKey: row.templateKey, status: row.status, rule: row.rule ?? null, scheduledFor: row.scheduledFor ?? null }))
}

const transactionalKeys = async (person: Person) => {
  const { docs } = await aula.payload.find({ collection: 'email-log', where: { to: { equals: person.email.toLowerCase() } }, pagination: false, depth: 0, overrideAccess: true })
  return docs.map((row) => String(row.dedupeKey).split(':')[0]).filter((key) => !key.startsWith('rule-') && !key.startsWith('webinar_'))
}

/** Every email job now, whatever Payload's real-time waitUntil says: the app clock decides. */
async function runAllEmailJobs(payload: Payload) {
  await drainQueue(payload)
  const { docs } = await payload.find({ collection: 'payload-jobs', where: { and: [{ taskSlug: { equals: 'sendEmail' } }, { completedAt: { exists: false } }] }, pagination: false, overrideAccess: true })
  for (const job of docs) await payload.jobs.runByID({ id: job.id, silent: true })
}

const cancel = async (person: Person) => expect((await aula.api.post(`/enrollments/${person.enrollmentId}/cancel`, { reason: 'Viaje' }, { token: admin.token })).status).toBe(200)

describe('email rules on an enrollment change', () => {
  it('"2 days after confirming" is queued with the registration, for that moment, on top of the usual confirmation', async () => {
    const item = await webinar('Bienvenida a los 2 días')
    const other = await webinar('Otro webinar')
    const rule = await changeRule('confirmed', [item.id], { offsetAmount: 2, offsetUnit: 'days' })
    const ana = await register(item.id, 'Ana')
    const beto = await register(other.id, 'Beto')

    expect(await ruleRows(ana)).toEqual([{ dedupeKey: `rule-${rule.id}:${ana.enrollmentId}:confirmed`, templateKey: 'webinar_reminder_24h', status: 'queued', rule: rule.id, scheduledFor: '2030-05-12T12:00:00.000Z' }])
    expect(await transactionalKeys(ana)).toEqual(['enrollment_confirmed'])
    expect(await ruleRows(beto)).toEqual([])
  })

  it('the waitlist, a promotion and a cancellation each fire their own rule, once, at once with offset 0', async () => {
    const item = await webinar('Cupo de uno', { capacity: 1 })
    const waitlisted = await changeRule('waitlisted', [item.id])
    const promoted = await changeRule('promoted', [item.id])
    const cancelled = await changeRule('cancelled', [item.id])
    const ana = await register(item.id, 'Ana')
    const beto = await register(item.id, 'Beto')
    expect(await ruleRows(beto)).toEqual([{ dedupeKey: `rule-${waitlisted.id}:${beto.enrollmentId}:waitlisted`, templateKey: 'webinar_reminder_24h', status: 'queued', rule: waitlisted.id, scheduledFor: null }])
    await runAllEmailJobs(aula.payload)

    await cancel(ana)
    await runAllEmailJobs(aula.payload)
    expect(await ruleRows(ana)).toEqual([{ dedupeKey: `rule-${cancelled.id}:${ana.enrollmentId}:cancelled`, templateKey: 'webinar_reminder_24h', status: 'sent', rule: cancelled.id, scheduledFor: null }])
    expect(Object.fromEntries((await ruleRows(beto)).map((row) => [row.dedupeKey, row.status]))).toEqual({
      [`rule-${waitlisted.id}:${beto.enrollmentId}:waitlisted`]: 'sent',
      [`rule-${promoted.id}:${beto.enrollmentId}:promoted`]: 'sent',
    })
    // The usual transactional replies are still there, unchanged.
    expect(await transactionalKeys(ana)).toEqual(expect.arrayContaining(['enrollment_confirmed', 'enrollment_cancelled']))
    expect(await transactionalKeys(beto)).toEqual(expect.arrayContaining(['enrollment_waitlisted', 'waitlist_promoted']))
  })

  it('a "1 day on the waitlist" email still waiting when the person gets a seat is not sent', async () => {
    const item = await webinar('Espera de un día', { capacity: 1 })
    await changeRule('waitlisted', [item.id], { offsetAmount: 1, offsetUnit: 'days' })
    const ana = await register(item.id, 'Ana')
    const beto = await register(item.id, 'Beto')
    await cancel(ana)
    clock.advance(25 * HOUR)
    await runAllEmailJobs(aula.payload)
    const [row] = await ruleRows(beto)
    expect(row).toMatchObject({ dedupeKey: expect.stringMatching(/:waitlisted$/), status: 'cancelled' })
  })

  it('attendance that completes a webinar fires the "completed" rule once, even when marked again', async () => {
    const item = await webinar('Completado')
    const rule = await changeRule('completed', [item.id], { templateKey: 'followup_released' })
    const ana = await register(item.id, 'Ana')
    const beto = await register(item.id, 'Beto')
    clock.set('2030-05-20T01:10:00.000Z')
    const mark = async () =>
      recordMany(
        await createLocalReq({}, aula.payload),
        {
          collection: 'webinars',
          itemId: item.id,
          sessionId: null,
          marks: [
            { enrollmentId: ana.enrollmentId, present: true },
            { enrollmentId: beto.enrollmentId, present: false },
          ],
          source: 'api',
        },
        { overrideAccess: true },
      )
    await mark()
    await mark()
    expect(await ruleRows(ana)).toEqual([{ dedupeKey: `rule-${rule.id}:${ana.enrollmentId}:completed`, templateKey: 'followup_released', status: 'queued', rule: rule.id, scheduledFor: null }])
    expect(await ruleRows(beto)).toEqual([])
  })

  it('a rule switched off, or switched off for this one webinar, queues nothing', async () => {
    const item = await webinar('Sin reglas')
    const off = await changeRule('confirmed', [item.id], { active: false })
    const offHere = await changeRule('confirmed', [item.id])
    expect((await aula.api.patch(`/webinars/${item.id}`, { emailRulesOff: [offHere.id] }, { token: admin.token })).status).toBe(200)
    const ana = await register(item.id, 'Ana')
    expect(off.id).toBeGreaterThan(0)
    expect(await ruleRows(ana)).toEqual([])
  })

  it('someone who cancels before "2 days after confirming" comes does not get it: the row is stopped at send time', async () => {
    const item = await webinar('Cancelado antes')
    await changeRule('confirmed', [item.id], { offsetAmount: 2, offsetUnit: 'days' })
    const ana = await register(item.id, 'Ana')
    await cancel(ana)
    clock.advance(49 * HOUR)
    await runAllEmailJobs(aula.payload)
    const [row] = (await ruleRows(ana)).filter((each) => String(each.dedupeKey).endsWith(':confirmed'))
    expect(row.status).toBe('cancelled')
    const { docs } = await aula.payload.find({ collection: 'email-log', where: { dedupeKey: { equals: row.dedupeKey } }, depth: 0, overrideAccess: true })
    expect(docs[0].lastError).toBe('the enrollment is no longer confirmed')
  })

  it('quiet hours are read in each person’s zone: 03:00 in Madrid waits for 07:00 there, 20:00 in Lima goes at once', async () => {
    const item = await webinar('Horario sin envíos')
    const rule = await changeRule('confirmed', [item.id], { quietHours: { enabled: true, from: '22:00', until: '07:00' } })
    // 01:00 UTC on 11 May: 20:00 in Lima, 03:00 in Madrid (summer time).
    clock.set('2030-05-11T01:00:00.000Z')
    const lima = await register(item.id, 'Lucía', { timezone: 'America/Lima' })
    const madrid = await register(item.id, 'Marta', { timezone: 'Europe/Madrid' })
    // No zone of her own: the webinar's (Lima, the catalogue default) decides.
    const nobody = await register(item.id, 'Nora')
    expect(await ruleRows(lima)).toMatchObject([{ rule: rule.id, scheduledFor: null }])
    expect(await ruleRows(madrid)).toMatchObject([{ rule: rule.id, scheduledFor: '2030-05-11T05:00:00.000Z' }])
    expect(await ruleRows(nobody)).toMatchObject([{ rule: rule.id, scheduledFor: null }])
  })
})
