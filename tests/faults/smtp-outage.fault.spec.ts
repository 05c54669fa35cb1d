import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { EMAIL_MAX_ATTEMPTS } from '../../src/email/statuses'
import { seedEmailTemplates } from '../../src/seed/emailTemplates'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'
import { drainQueue, drainQueueWithRetries } from '../helpers/email'
import { ManualClock } from '../helpers/manualClock'
import { SmtpSink } from '../helpers/smtpSink'

/**
 * The mail server is unreachable for a while: mail waits (it is not marked failed after the five
 * tries a refused message gets) and each message is delivered exactly once when the server is back.
 */
let aula: TestAula
const smtp = new SmtpSink()
const clock = new ManualClock('2030-01-10T12:00:00.000Z')
const MINUTE = 60_000

beforeAll(async () => {
  await smtp.start()
  aula = await startTestAula({ clock, smtpTransport: smtp.transport })
  await seedEmailTemplates(aula.payload)
})

afterAll(async () => {
  await aula?.close()
  await smtp.stop()
})

/** What the worker does on one tick: run every sendEmail job whose row is due by the app clock (Payload's own waitUntil is real time). */
const workerRound = async () => {
  await drainQueue(aula.payload)
  const { docs } = await aula.payload.find({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: 'sendEmail' } }, { completedAt: { exists: false } }, { hasError: { not_equals: true } }] },
    limit: 0,
    pagination: false,
    overrideAccess: true,
  })
  for (const job of docs) await aula.payload.jobs.runByID({ id: job.id, silent: true })
}

const confirmationsTo = (emails: string[]) =>
  aula.payload.find({
    collection: 'email-log',
    where: { and: [{ templateKey: { equals: 'enrollment_confirmed' } }, { to: { in: emails } }] },
    limit: 100,
    overrideAccess: true,
    depth: 0,
  })

describe('SMTP down for a while', () => {
  it('keeps the mail queued through an hour-long outage and delivers each message once when the server is back', async () => {
    const webinar = await createWebinar(aula.payload, { title: 'Correo en espera', startsAt: '2030-06-01T15:00:00.000Z', capacity: 50 })
    await smtp.goDown()
    const emails = Array.from({ length: 6 }, (_, i) => `espera-${i}@example.com`)
    for (const email of emails) {
      const response = await aula.api.post(`/webinars/${webinar.id}/register`, { email, firstName: 'Paciente', lastName: 'Espera' })
      expect(response.status).toBe(201) // nobody waits on SMTP
    }
    await drainQueue(aula.payload)

    // An hour of outage, the worker trying every few minutes.
    for (let minute = 0; minute < 60; minute += 5) {
      clock.advance(5 * MINUTE)
      await workerRound()
    }
    const waiting = await confirmationsTo(emails)
    expect(waiting.docs).toHaveLength(emails.length)
    for (const row of waiting.docs) {
      expect(row.status).toBe('queued')
      expect(row.lastError).toMatch(/Mail server unreachable/)
      // More tries than a refused message would get, and still not given up on.
      expect(Number(row.attempts)).toBeGreaterThan(EMAIL_MAX_ATTEMPTS)
    }
    expect(smtp.messages).toHaveLength(0)

    await smtp.comeBack()
    clock.advance(15 * MINUTE)
    await workerRound()
    // A few more worker rounds deliver nothing twice.
    for (let round = 0; round < 3; round += 1) {
      clock.advance(15 * MINUTE)
      await workerRound()
    }

    for (const email of emails) {
      const mails = smtp.to(email).filter((mail) => /Correo en espera/.test(mail.subject ?? ''))
      expect(mails).toHaveLength(1)
    }
    for (const row of (await confirmationsTo(emails)).docs) {
      expect(row).toMatchObject({ status: 'sent', lastError: null })
      expect(row.sentAt).toBeTruthy()
    }
  }, 120_000)

  it('gives up after a day of outage: the row is failed, with the reason, for staff to resend', async () => {
    const webinar = await createWebinar(aula.payload, { title: 'Correo perdido', startsAt: '2030-09-01T15:00:00.000Z', capacity: 50 })
    await smtp.goDown()
    const email = 'un-dia-sin-correo@example.com'
    await aula.api.post(`/webinars/${webinar.id}/register`, { email, firstName: 'Sin', lastName: 'Correo' })
    await drainQueue(aula.payload)
    for (let hour = 0; hour < 25; hour += 3) {
      clock.advance(3 * 60 * MINUTE)
      await workerRound()
    }
    // Past the window the message's own five tries apply, and it has had more: failed, with the reason.
    await drainQueueWithRetries(aula.payload)
    const [row] = (await confirmationsTo([email])).docs
    expect(row).toMatchObject({ status: 'failed' })
    expect(row!.lastError).toMatch(/ECONNREFUSED/)
    await smtp.comeBack()
  }, 120_000)
})
