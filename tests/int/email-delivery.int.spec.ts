import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import { cancelQueuedEmails } from '../../src/email/cancelQueuedEmails'
import { claimEmail } from '../../src/email/claimEmail'
import { deliverEmail, messageIdFor } from '../../src/email/deliverEmail'
import { registerEmailGuard } from '../../src/email/guards'
import { queueEmail } from '../../src/email/queueEmail'
import { releaseStaleEmailClaims } from '../../src/email/releaseStaleClaims'
import { EMAIL_MAX_ATTEMPTS } from '../../src/email/statuses'
import { seedEmailTemplates } from '../../src/seed/emailTemplates'
import { startTestAula, type TestAula } from '../helpers/aula'
import { drainQueue, drainQueueWithRetries, logRow, pendingJobFor, queueTestEmail, uniqueAddress } from '../helpers/email'
import { SmtpSink } from '../helpers/smtpSink'

let aula: TestAula
const smtp = new SmtpSink()

beforeAll(async () => {
  await smtp.start()
  aula = await startTestAula({ smtpTransport: smtp.transport })
  await seedEmailTemplates(aula.payload)
})

afterAll(async () => {
  await aula.close()
  await smtp.stop()
})

describe('queueing an email', () => {
  it('leaves no log row and no job when the caller’s transaction is rolled back', async () => {
    const { payload } = aula
    const jobsBefore = (await payload.count({ collection: 'payload-jobs', overrideAccess: true })).totalDocs
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    const email = uniqueAddress('rollback')
    const result = await queueEmail(req, {
      templateKey: 'enrollment_confirmed',
      to: { email },
      dedupeKey: `rollback:${email}`,
      variables: { firstName: 'Ana' },
    })
    expect(result.queued).toBe(true)
    await killTransaction(req)

    expect((await payload.count({ collection: 'email-log', where: { to: { equals: email } }, overrideAccess: true })).totalDocs).toBe(0)
    expect((await payload.count({ collection: 'payload-jobs', overrideAccess: true })).totalDocs).toBe(jobsBefore)
  })

  it('keeps a duplicate dedupe key from aborting the caller’s transaction, and sends one message', async () => {
    const { payload } = aula
    const email = uniqueAddress('dedupe')
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    const input = { templateKey: 'enrollment_confirmed' as const, to: { email }, dedupeKey: `dedupe:${email}`, variables: { firstName: 'Ana' } }
    const first = await queueEmail(req, input)
    const second = await queueEmail(req, input)
    // The transaction is still usable after the duplicate.
    await payload.find({ collection: 'users', limit: 1, req })
    await commitTransaction(req)
    const third = await queueEmail(await createLocalReq({}, payload), input)

    expect(first.queued).toBe(true)
    expect(second).toEqual({ queued: false, emailLogId: first.emailLogId })
    expect(third).toEqual({ queued: false, emailLogId: first.emailLogId })
    await drainQueue(payload)
    expect(smtp.to(email)).toHaveLength(1)
    expect((await payload.count({ collection: 'email-log', where: { to: { equals: email } }, overrideAccess: true })).totalDocs).toBe(1)
  })
})

describe('delivering queued emails', () => {
  it('records which document the email is about, inside the caller’s transaction', async () => {
    const { payload } = aula
    const student = await aula.createUser(['student'])
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    const { emailLogId } = await queueEmail(req, {
      templateKey: 'enrollment_waitlisted',
      to: { email: student.email },
      dedupeKey: `enrollment_waitlisted:user-${student.id}`,
      relatedDocument: { relationTo: 'users', value: student.id },
      variables: { firstName: 'Test', title: 'SQL' },
    })
    await commitTransaction(req)
    expect((await logRow(payload, emailLogId)).relatedDocument).toEqual({ relationTo: 'users', value: student.id })
  })

  it('delivers in Spanish by default, with variables filled in and the log row marked sent', async () => {
    const { payload } = aula
    const email = uniqueAddress('es')
    const { emailLogId } = await queueTestEmail(payload, {
      to: { email },
      dedupeKey: `confirmed:${email}`,
      variables: { firstName: 'Lucía', title: 'Excel para finanzas', startsAt: '2026-03-12T23:00:00.000Z', timezone: 'America/Lima' },
    })
    await drainQueue(payload)

    const [mail] = smtp.to(email)
    expect(mail.subject).toBe('¡Listo, Lucía! Tu lugar en Excel para finanzas está confirmado')
    expect(mail.html).toContain('Hola Lucía:')
    expect(mail.html).toMatch(/jueves, 12 de marzo de 2026, 6:00\sp\.\s?m\. \(America\/Lima\)/)
    expect(mail.messageId).toBe(messageIdFor(`confirmed:${email}`))

    const row = await logRow(payload, emailLogId)
    expect(row).toMatchObject({ status: 'sent', attempts: 1, subject: mail.subject, messageId: messageIdFor(`confirmed:${email}`) })
    expect(row.sentAt).toEqual(expect.any(String))
  })

  it('delivers in English to a recipient whose language is English', async () => {
    const email = uniqueAddress('en')
    await queueTestEmail(aula.payload, {
      to: { email, language: 'en' },
      variables: { firstName: 'John', title: 'Excel for finance', startsAt: '2026-03-12T23:00:00.000Z', timezone: 'America/New_York' },
    })
    await drainQueue(aula.payload)
    const [mail] = smtp.to(email)
    expect(mail.subject).toBe("You're in, John! Your seat for Excel for finance is confirmed")
    expect(mail.html).toMatch(/Thursday, March 12, 2026.*7:00\sPM.*\(America\/New_York\)/)
  })

  it('escapes HTML in the values, so a <script> in a first name arrives as text', async () => {
    const email = uniqueAddress('xss')
    await queueTestEmail(aula.payload, { to: { email }, variables: { firstName: '<script>alert(1)</script>', title: 'Excel' } })
    await drainQueue(aula.payload)
    const [mail] = smtp.to(email)
    expect(mail.html).toContain('Hola &lt;script&gt;alert(1)&lt;/script&gt;:')
    expect(mail.html).not.toContain('<script>')
  })

  it('attaches the files given to queueEmail, such as a calendar invite', async () => {
    const email = uniqueAddress('ics')
    await queueTestEmail(aula.payload, {
      to: { email },
      attachments: [{ filename: 'invite.ics', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', contentType: 'text/calendar; method=REQUEST' }],
    })
    await drainQueue(aula.payload)
    const [mail] = smtp.to(email)
    const invite = mail.attachments.find((attachment) => attachment.filename === 'invite.ics')
    expect(invite?.content.toString()).toContain('BEGIN:VCALENDAR')
  })
})

describe('retries', () => {
  it('retries after SMTP refuses twice and delivers exactly once on the third attempt', async () => {
    const { payload } = aula
    const email = uniqueAddress('retry')
    const { emailLogId } = await queueTestEmail(payload, { to: { email } })
    smtp.failNext(2)

    await drainQueue(payload)
    let row = await logRow(payload, emailLogId)
    expect(row).toMatchObject({ status: 'queued', attempts: 1 })
    expect(row.lastError).toMatch(/451/)
    // Payload set a backoff on the job: it is not due now, so the next runs are driven by id.
    const [job] = await pendingJobFor(payload, emailLogId)
    expect(new Date(String(job.waitUntil)).getTime()).toBeGreaterThan(Date.now())

    await payload.jobs.runByID({ id: job.id, silent: true })
    expect(await logRow(payload, emailLogId)).toMatchObject({ status: 'queued', attempts: 2 })
    await payload.jobs.runByID({ id: job.id, silent: true })

    row = await logRow(payload, emailLogId)
    expect(row).toMatchObject({ status: 'sent', attempts: 3, lastError: null })
    expect(smtp.to(email)).toHaveLength(1)
    expect(await pendingJobFor(payload, emailLogId)).toHaveLength(0)
  })

  it('marks the email failed after the last attempt, and an admin’s resend delivers it', async () => {
    const { payload, api } = aula
    const email = uniqueAddress('failed')
    const { emailLogId } = await queueTestEmail(payload, { to: { email } })
    smtp.failNext(EMAIL_MAX_ATTEMPTS)

    await drainQueue(payload)
    for (let attempt = 2; attempt <= EMAIL_MAX_ATTEMPTS; attempt += 1) {
      const [job] = await pendingJobFor(payload, emailLogId)
      await payload.jobs.runByID({ id: job.id, silent: true })
    }
    const row = await logRow(payload, emailLogId)
    expect(row).toMatchObject({ status: 'failed', attempts: EMAIL_MAX_ATTEMPTS })
    expect(row.lastError).toMatch(/451/)
    expect(smtp.to(email)).toHaveLength(0)

    const admin = await aula.createUser(['admin'])
    const resent = await api.post(`/email-log/${emailLogId}/resend`, undefined, { token: admin.token })
    expect(resent.status).toBe(200)
    await drainQueue(payload)
    expect(smtp.to(email)).toHaveLength(1)
    expect(await logRow(payload, emailLogId)).toMatchObject({ status: 'sent', attempts: 1 })

    const again = await api.post(`/email-log/${emailLogId}/resend`, undefined, { token: admin.token })
    expect(again.status).toBe(409)
  })

  it('lets only admins resend: an editor gets 403 and an anonymous caller 401', async () => {
    const { payload, api } = aula
    const email = uniqueAddress('resend-access')
    const { emailLogId } = await queueTestEmail(payload, { to: { email }, templateKey: 'payment_failed' })
    smtp.failNext(EMAIL_MAX_ATTEMPTS)
    await drainQueue(payload)
    for (let attempt = 2; attempt <= EMAIL_MAX_ATTEMPTS; attempt += 1) {
      const [job] = await pendingJobFor(payload, emailLogId)
      await payload.jobs.runByID({ id: job.id, silent: true })
    }
    const editor = await aula.createUser(['editor'])
    expect((await api.post(`/email-log/${emailLogId}/resend`, undefined, { token: editor.token })).status).toBe(403)
    expect((await api.post(`/email-log/${emailLogId}/resend`)).status).toBe(401)
    expect((await logRow(payload, emailLogId)).status).toBe('failed')
  })
})

describe('two runners at once', () => {
  it('delivers every one of 50 emails exactly once when two runners drain the queue together', async () => {
    const { payload } = aula
    const addresses = Array.from({ length: 50 }, () => uniqueAddress('fanout'))
    for (const email of addresses) await queueTestEmail(payload, { to: { email }, templateKey: 'webinar_reminder_24h' })

    for (let round = 0; round < 20; round += 1) {
      const results = await Promise.all([payload.jobs.run({ limit: 10 }), payload.jobs.run({ limit: 10 })])
      if (results.every((result) => result.noJobsRemaining)) break
    }
    await drainQueueWithRetries(payload)
    const rows = await payload.find({
      collection: 'email-log',
      where: { to: { in: addresses } },
      select: { to: true, status: true, attempts: true, lastError: true },
      limit: 0,
      pagination: false,
      overrideAccess: true,
    })
    expect(rows.docs.filter((row) => row.status !== 'sent')).toEqual([])
    for (const email of addresses) expect(smtp.to(email)).toHaveLength(1)
  })

  it('lets exactly one of ten simultaneous claims take a row, and one of five simultaneous sends deliver it', async () => {
    const { payload } = aula
    const first = await queueTestEmail(payload, { to: { email: uniqueAddress('claim') } })
    const claims = await Promise.all(Array.from({ length: 10 }, () => claimEmail(payload, first.emailLogId, aula.clock.now())))
    expect(claims.filter(Boolean)).toHaveLength(1)

    const email = uniqueAddress('deliver')
    const second = await queueTestEmail(payload, { to: { email } })
    const req = await createLocalReq({}, payload)
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => deliverEmail(req, second.emailLogId)))
    expect(outcomes.filter((outcome) => outcome === 'sent')).toHaveLength(1)
    expect(smtp.to(email)).toHaveLength(1)
  })
})

describe('scheduled emails, guards and cancellation', () => {
  it('does not send a scheduled email before its time, even if its job runs early', async () => {
    const { payload, clock } = aula
    const email = uniqueAddress('scheduled')
    const scheduledFor = new Date(clock.now().getTime() + 60 * 60 * 1000)
    const { emailLogId } = await queueTestEmail(payload, { to: { email }, templateKey: 'webinar_reminder_1h', scheduledFor })

    await drainQueue(payload)
    expect(smtp.to(email)).toHaveLength(0)
    // The job waits for the email's time (compared with the test's clock, not with how long the file has run).
    const [job] = await pendingJobFor(payload, emailLogId)
    expect(new Date(String(job.waitUntil)).getTime()).toBe(scheduledFor.getTime())

    // A runner that picks the job up early (clock skew, a manual run) still waits for the app clock.
    await payload.jobs.runByID({ id: job.id, silent: true })
    expect(smtp.to(email)).toHaveLength(0)
    expect(await logRow(payload, emailLogId)).toMatchObject({ status: 'queued', attempts: 0 })

    clock.advance(60 * 60 * 1000 + 1000)
    const [rescheduled] = await pendingJobFor(payload, emailLogId)
    await payload.jobs.runByID({ id: rescheduled.id, silent: true })
    expect(smtp.to(email)).toHaveLength(1)
  })

  it('cancels the email and sends nothing when its guard vetoes it', async () => {
    const { payload } = aula
    const email = uniqueAddress('veto')
    const unregister = registerEmailGuard('webinar_access_15m', () => ({ send: false, reason: 'The webinar was cancelled' }))
    try {
      const { emailLogId } = await queueTestEmail(payload, { to: { email }, templateKey: 'webinar_access_15m' })
      await drainQueue(payload)
      expect(smtp.to(email)).toHaveLength(0)
      expect(await logRow(payload, emailLogId)).toMatchObject({ status: 'cancelled', lastError: 'The webinar was cancelled' })
    } finally {
      unregister()
    }
  })

  it('sends the fresh values a guard returns instead of the queued ones', async () => {
    const email = uniqueAddress('refresh')
    const unregister = registerEmailGuard('webinar_access_15m', () => ({ send: true, variables: { meetingLink: 'https://meet.example.com/new-room' } }))
    try {
      await queueTestEmail(aula.payload, { to: { email }, templateKey: 'webinar_access_15m', variables: { firstName: 'Ana', title: 'SQL', meetingLink: 'https://meet.example.com/old-room' } })
      await drainQueue(aula.payload)
      const [mail] = smtp.to(email)
      expect(mail.html).toContain('https://meet.example.com/new-room')
      expect(mail.html).not.toContain('old-room')
    } finally {
      unregister()
    }
  })

  it('cancels queued reminders of a cancelled webinar and leaves sent ones alone', async () => {
    const { payload, clock } = aula
    const later = new Date(clock.now().getTime() + 24 * 60 * 60 * 1000)
    const emails = [uniqueAddress('cancel-a'), uniqueAddress('cancel-b')]
    const rows = []
    for (const email of emails) rows.push(await queueTestEmail(payload, { to: { email }, templateKey: 'webinar_reminder_24h', dedupeKey: `webinar_reminder_24h:webinar-77:${email}`, scheduledFor: later }))
    const sent = await queueTestEmail(payload, { to: { email: uniqueAddress('cancel-sent') }, dedupeKey: 'webinar_reminder_1h:webinar-77:sent' })
    await drainQueue(payload)

    const cancelled = await cancelQueuedEmails(await createLocalReq({}, payload), { dedupeKey: { like: 'webinar-77' } }, 'Webinar cancelled')
    expect(cancelled).toBe(2)
    for (const row of rows) expect(await logRow(payload, row.emailLogId)).toMatchObject({ status: 'cancelled', lastError: 'Webinar cancelled' })
    expect((await logRow(payload, sent.emailLogId)).status).toBe('sent')
  })
})

describe('a worker that dies mid-send', () => {
  it('has its claim released after ten minutes, and the email is then delivered once', async () => {
    const { payload, clock } = aula
    const email = uniqueAddress('stale')
    const { emailLogId } = await queueTestEmail(payload, { to: { email } })
    // A worker claims the row and dies before sending.
    expect(await claimEmail(payload, emailLogId, clock.now())).not.toBeNull()

    clock.advance(9 * 60 * 1000)
    expect(await releaseStaleEmailClaims(payload)).not.toContain(emailLogId)
    expect((await logRow(payload, emailLogId)).status).toBe('sending')

    clock.advance(2 * 60 * 1000)
    expect(await releaseStaleEmailClaims(payload)).toContain(emailLogId)
    expect((await logRow(payload, emailLogId)).status).toBe('queued')

    // The dead worker's original job and the release's new one both run: one message.
    await drainQueue(payload)
    expect(smtp.to(email)).toHaveLength(1)
    expect(await logRow(payload, emailLogId)).toMatchObject({ status: 'sent', attempts: 2 })
  })

  it('leaves the rest of its batch queued with jobs stuck processing: after ten minutes they get new jobs and go out once', async () => {
    const { payload, clock } = aula
    await drainQueue(payload)
    const email = uniqueAddress('orphan')
    const { emailLogId } = await queueTestEmail(payload, { to: { email } })
    // Payload marked the job `processing` for a batch, then the worker died before running it.
    const [job] = await pendingJobFor(payload, emailLogId)
    await payload.update({ collection: 'payload-jobs', id: job!.id, data: { processing: true }, overrideAccess: true })
    await drainQueue(payload)
    expect((await logRow(payload, emailLogId)).status).toBe('queued')

    clock.advance(9 * 60 * 1000)
    expect(await releaseStaleEmailClaims(payload)).not.toContain(emailLogId)
    clock.advance(2 * 60 * 1000)
    expect(await releaseStaleEmailClaims(payload)).toContain(emailLogId)
    // Released once: the new job is live, so the next run of the rule leaves the row alone.
    expect(await releaseStaleEmailClaims(payload)).not.toContain(emailLogId)

    await drainQueue(payload)
    expect(smtp.to(email)).toHaveLength(1)
    expect(await logRow(payload, emailLogId)).toMatchObject({ status: 'sent', attempts: 1 })
  })

  it('is checked on a schedule: the worker’s tick queues the release task, which then runs like any job', async () => {
    const { payload } = aula
    await payload.jobs.handleSchedules()
    const queued = await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'releaseStaleEmailClaims' } }, overrideAccess: true })
    expect(queued.docs.length).toBeGreaterThan(0)
    // Scheduled jobs wait for their cron time (real time); run it by id instead of waiting.
    await payload.jobs.runByID({ id: queued.docs[0].id })
    const finished = await payload.findByID({ collection: 'payload-jobs', id: queued.docs[0].id, overrideAccess: true })
    expect(finished.completedAt).toEqual(expect.any(String))
  })
})
