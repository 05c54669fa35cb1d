import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { createLocalReq } from 'payload'

import { recordMany } from '../../src/attendance/record'
import { seedEmailTemplates } from '../../src/seed/emailTemplates'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'
import { drainQueue } from '../helpers/email'
import { ManualClock } from '../helpers/manualClock'
import { SmtpSink } from '../helpers/smtpSink'

const HOUR = 3_600_000
const START = '2030-06-01T10:00:00.000Z'
/** Webinars here start at 12:00 UTC and last an hour: the end is 13:00, the follow-up due at 15:00 (2 h by default). */
const ENDS = '2030-06-01T13:00:00.000Z'
const DUE = '2030-06-01T15:00:00.000Z'
const smtp = new SmtpSink()
const clock = new ManualClock(START)
let aula: TestAula
let editor: Awaited<ReturnType<TestAula['createUser']>>

beforeAll(async () => {
  await smtp.start()
  aula = await startTestAula({ clock, smtpTransport: smtp.transport })
  await seedEmailTemplates(aula.payload)
  editor = await aula.createUser(['editor'])
})

afterEach(async () => {
  clock.set(START)
  // Stock rules back on, as the seed left them, for the next test.
  for (const key of ['followup_attended', 'followup_missed']) await aula.payload.update({ collection: 'email-rules', id: (await stockRule(key)).id, data: { active: true }, overrideAccess: true })
})

afterAll(async () => {
  await aula.close()
  await smtp.stop()
})

type Person = { enrollmentId: number; email: string }

async function stockRule(key: string) {
  const { docs } = await aula.payload.find({ collection: 'email-rules', where: { key: { equals: key } }, depth: 0, overrideAccess: true })
  expect(docs).toHaveLength(1)
  return docs[0]
}

const webinarAtNoon = (title: string) => createWebinar(aula.payload, { title, startsAt: '2030-06-01T12:00:00.000Z', durationMinutes: 60, recordingUrl: 'https://vimeo.com/555000111' })

async function register(webinarId: number, firstName: string, overrides: Record<string, unknown> = {}): Promise<Person> {
  const student = await aula.createUser(['student'], { firstName, ...overrides })
  const response = await aula.api.post(`/webinars/${webinarId}/register`, undefined, { token: student.token })
  expect([response.status, response.body?.errors]).toEqual([201, undefined])
  return { enrollmentId: response.body.doc.id, email: student.email }
}

async function mark(webinarId: number, marks: { enrollmentId: number; present: boolean }[]) {
  clock.set('2030-06-01T13:10:00.000Z')
  await recordMany(await createLocalReq({}, aula.payload), { collection: 'webinars', itemId: webinarId, sessionId: null, marks, source: 'api' }, { overrideAccess: true })
}

async function runFollowUpJob() {
  await aula.payload.jobs.queue({ task: 'sendFollowUps' as never, input: {} as never })
  await drainQueue(aula.payload)
}

/** Every after-the-event row of one person (stock and staff rules), ordered by key. */
async function afterEventRows(person: Person) {
  const { docs } = await aula.payload.find({ collection: 'email-log', where: { to: { equals: person.email.toLowerCase() } }, sort: 'createdAt', pagination: false, depth: 0, overrideAccess: true })
  return docs
    .filter((row) => /^(followup|rule-)/.test(String(row.dedupeKey)))
    // Rows queued in one run share a clock instant: the key orders them (the stock `followup:` first).
    .sort((a, b) => String(a.dedupeKey).localeCompare(String(b.dedupeKey)))
    .map((row) => ({ templateKey: row.templateKey, dedupeKey: row.dedupeKey, status: row.status, rule: row.rule ?? null, scheduledFor: row.scheduledFor ?? null }))
}

const switchOffFor = (webinarId: number, ruleIds: number[]) => aula.payload.update({ collection: 'webinars', id: webinarId, data: { emailRulesOff: ruleIds }, overrideAccess: true })

describe('the stock follow-up rules', () => {
  it('send today’s follow-ups, with today’s keys, and the row names the rule it came from', async () => {
    const attended = await stockRule('followup_attended')
    const missed = await stockRule('followup_missed')
    expect(attended).toMatchObject({ trigger: 'after_end', audience: 'attended', templateKey: 'followup_attended', active: true })
    expect(missed).toMatchObject({ trigger: 'after_end', audience: 'no_shows', templateKey: 'followup_missed', active: true })

    const webinar = await webinarAtNoon('Seguimiento de fábrica')
    const ana = await register(webinar.id, 'Ana')
    const beto = await register(webinar.id, 'Beto')
    await mark(webinar.id, [{ enrollmentId: ana.enrollmentId, present: true }])
    clock.set(DUE)
    await runFollowUpJob()

    expect(await afterEventRows(ana)).toEqual([{ templateKey: 'followup_attended', dedupeKey: `followup:${ana.enrollmentId}`, status: 'sent', rule: attended.id, scheduledFor: null }])
    expect(await afterEventRows(beto)).toEqual([{ templateKey: 'followup_missed', dedupeKey: `followup:${beto.enrollmentId}`, status: 'sent', rule: missed.id, scheduledFor: null }])
  })

  it('with "no-shows" switched off, attendees still get their thanks and nobody who missed it gets anything', async () => {
    await aula.payload.update({ collection: 'email-rules', id: (await stockRule('followup_missed')).id, data: { active: false }, overrideAccess: true })
    const webinar = await webinarAtNoon('Sin correo a ausentes')
    const ana = await register(webinar.id, 'Ana')
    const beto = await register(webinar.id, 'Beto')
    await mark(webinar.id, [{ enrollmentId: ana.enrollmentId, present: true }])
    clock.set(DUE)
    await runFollowUpJob()

    expect((await afterEventRows(ana)).map((row) => row.templateKey)).toEqual(['followup_attended'])
    expect(await afterEventRows(beto)).toEqual([])
    expect(smtp.to(beto.email).filter((mail) => /extrañamos/.test(mail.subject ?? ''))).toEqual([])
    const stored = await aula.payload.findByID({ collection: 'webinars', id: webinar.id, depth: 0, overrideAccess: true })
    expect(stored.followUp).toMatchObject({ status: 'sent', sent: 1 })
  })

  it('switched off for one webinar, its attendees get no thanks while another webinar’s attendees do', async () => {
    const attended = await stockRule('followup_attended')
    const quiet = await webinarAtNoon('Evento sin agradecimiento')
    const usual = await webinarAtNoon('Evento con agradecimiento')
    const response = await aula.api.patch(`/webinars/${quiet.id}`, { emailRulesOff: [attended.id] }, { token: editor.token })
    expect(response.status).toBe(200)
    const ana = await register(quiet.id, 'Ana')
    const beto = await register(quiet.id, 'Beto')
    const carla = await register(usual.id, 'Carla')
    await mark(quiet.id, [{ enrollmentId: ana.enrollmentId, present: true }])
    await mark(usual.id, [{ enrollmentId: carla.enrollmentId, present: true }])
    clock.set(DUE)
    await runFollowUpJob()

    expect(await afterEventRows(ana)).toEqual([])
    expect((await afterEventRows(beto)).map((row) => row.templateKey)).toEqual(['followup_missed'])
    expect((await afterEventRows(carla)).map((row) => row.templateKey)).toEqual(['followup_attended'])
  })

  it('an item on hold with both stock follow-ups switched off for it sends nobody anything when released', async () => {
    const webinar = await webinarAtNoon('Liberado sin reglas')
    await switchOffFor(webinar.id, [(await stockRule('followup_attended')).id, (await stockRule('followup_missed')).id])
    const ana = await register(webinar.id, 'Ana')
    clock.set(DUE)
    await runFollowUpJob()
    const released = await aula.api.post(`/webinars/${webinar.id}/follow-ups/release`, undefined, { token: editor.token })
    expect(released.status).toBe(202)
    await drainQueue(aula.payload)
    expect(await afterEventRows(ana)).toEqual([])
  })

  it('released with only one stock follow-up on, everyone confirmed still gets the neutral wording once', async () => {
    await aula.payload.update({ collection: 'email-rules', id: (await stockRule('followup_attended')).id, data: { active: false }, overrideAccess: true })
    const webinar = await webinarAtNoon('Liberado con una regla')
    const ana = await register(webinar.id, 'Ana')
    clock.set(DUE)
    await runFollowUpJob()
    expect((await aula.api.post(`/webinars/${webinar.id}/follow-ups/release`, undefined, { token: editor.token })).status).toBe(202)
    await drainQueue(aula.payload)
    expect(await afterEventRows(ana)).toMatchObject([{ templateKey: 'followup_released', dedupeKey: `followup:${ana.enrollmentId}`, status: 'sent', rule: null }])
  })
})

describe('follow-up rules staff write', () => {
  async function ownRule(webinarId: number, data: Record<string, unknown>) {
    return aula.payload.create({
      collection: 'email-rules',
      data: { name: 'Recordatorio de la grabación', templateKey: 'followup_missed', trigger: 'after_end', scope: 'items', items: [{ relationTo: 'webinars', value: webinarId }], ...data } as never,
      overrideAccess: true,
    })
  }

  it('"3 days after the end, to no-shows" goes out at its own moment, to no-shows only, on top of the stock follow-up', async () => {
    const webinar = await webinarAtNoon('Grabación a los 3 días')
    const rule = await ownRule(webinar.id, { audience: 'no_shows', offsetAmount: 3, offsetUnit: 'days' })
    const ana = await register(webinar.id, 'Ana')
    const beto = await register(webinar.id, 'Beto')
    await mark(webinar.id, [{ enrollmentId: ana.enrollmentId, present: true }])
    clock.set(DUE)
    await runFollowUpJob()

    const threeDaysLater = new Date(new Date(ENDS).getTime() + 72 * HOUR).toISOString()
    expect((await afterEventRows(ana)).map((row) => row.dedupeKey)).toEqual([`followup:${ana.enrollmentId}`])
    expect(await afterEventRows(beto)).toEqual([
      expect.objectContaining({ templateKey: 'followup_missed', dedupeKey: `followup:${beto.enrollmentId}`, status: 'sent' }),
      { templateKey: 'followup_missed', dedupeKey: `rule-${rule.id}:${beto.enrollmentId}:${ENDS}`, status: 'queued', rule: rule.id, scheduledFor: threeDaysLater },
    ])

    clock.set(threeDaysLater)
    await runFollowUpJob()
    for (const job of (
      await aula.payload.find({ collection: 'payload-jobs', where: { and: [{ taskSlug: { equals: 'sendEmail' } }, { completedAt: { exists: false } }] }, pagination: false, overrideAccess: true })
    ).docs)
      await aula.payload.jobs.runByID({ id: job.id, silent: true })
    expect((await afterEventRows(beto)).map((row) => row.status)).toEqual(['sent', 'sent'])
    expect(smtp.to(beto.email).filter((mail) => /extrañamos/.test(mail.subject ?? ''))).toHaveLength(2)
  })

  it('quiet hours are the person’s own: 02:00 in Madrid waits for 07:00 there, 20:00 in Lima goes at once', async () => {
    const webinar = await webinarAtNoon('Horario sin envíos')
    // 13:00 UTC + 12 h = 01:00 UTC: 20:00 in Lima, 03:00 in Madrid (summer time).
    const rule = await ownRule(webinar.id, {
      audience: 'attended',
      templateKey: 'followup_attended',
      offsetAmount: 12,
      offsetUnit: 'hours',
      quietHours: { enabled: true, from: '22:00', until: '07:00' },
    })
    const lima = await register(webinar.id, 'Lucía', { timezone: 'America/Lima' })
    const madrid = await register(webinar.id, 'Marta', { timezone: 'Europe/Madrid' })
    await mark(webinar.id, [
      { enrollmentId: lima.enrollmentId, present: true },
      { enrollmentId: madrid.enrollmentId, present: true },
    ])
    clock.set(DUE)
    await runFollowUpJob()

    const ownRow = async (person: Person) => (await afterEventRows(person)).find((row) => row.rule === rule.id)
    expect(await ownRow(lima)).toMatchObject({ scheduledFor: '2030-06-02T01:00:00.000Z' })
    // 07:00 in Madrid in June is 05:00 UTC.
    expect(await ownRow(madrid)).toMatchObject({ scheduledFor: '2030-06-02T05:00:00.000Z' })
  })

  it('a rule whose moment is before attendance could be known goes out with the follow-up, not earlier and not twice', async () => {
    const webinar = await webinarAtNoon('Después del inicio')
    const rule = await ownRule(webinar.id, { audience: 'attended', templateKey: 'followup_attended', trigger: 'after_start', offsetAmount: 30, offsetUnit: 'minutes' })
    const ana = await register(webinar.id, 'Ana')
    await mark(webinar.id, [{ enrollmentId: ana.enrollmentId, present: true }])
    clock.set(DUE)
    await runFollowUpJob()
    await runFollowUpJob()
    const rows = (await afterEventRows(ana)).filter((row) => row.rule === rule.id)
    expect(rows).toEqual([{ templateKey: 'followup_attended', dedupeKey: `rule-${rule.id}:${ana.enrollmentId}:2030-06-01T12:00:00.000Z`, status: 'sent', rule: rule.id, scheduledFor: null }])
  })
})
