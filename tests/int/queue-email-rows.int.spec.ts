import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { sql } from '@payloadcms/db-postgres/drizzle'
import { createLocalReq } from 'payload'

import { poolDrizzle, rowsOf } from '../../src/email/database'
import { queueEmails, queueSendJob } from '../../src/email/queueEmail'
import { statementsDuring } from '../helpers/countStatements'
import { seedEmailTemplates } from '../../src/seed/emailTemplates'
import { startTestAula, type TestAula } from '../helpers/aula'
import { logRow, pendingJobFor, queueTestEmail, uniqueAddress } from '../helpers/email'
import { SmtpSink } from '../helpers/smtpSink'

// queueEmail writes the log row, its related document and its send job in one statement
// (src/email/sendJobRow.ts). These rows must be exactly what Payload itself would have written.

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

const jobRow = async (jobId: number | string) =>
  rowsOf<Record<string, unknown>>(
    await poolDrizzle(aula.payload).execute(sql`
      SELECT input, task_slug, queue, wait_until, completed_at, total_tried, has_error, error, processing, meta,
             (SELECT count(*) FROM payload_jobs_log WHERE _parent_id = payload_jobs.id) AS log_entries
        FROM payload_jobs WHERE id = ${jobId}`),
  )[0]

const relatedRows = async (emailLogId: number) =>
  rowsOf<Record<string, unknown>>(
    await poolDrizzle(aula.payload).execute(sql`
      SELECT "order", path, users_id, enrollments_id, payments_id, leads_id FROM email_log_rels WHERE parent_id = ${emailLogId}`),
  )

describe('the rows queueEmail writes in one statement', () => {
  it('are the send job payload.jobs.queue writes and the related document Payload’s adapter writes', async () => {
    const { payload } = aula
    const student = await aula.createUser(['student'])
    const later = new Date(aula.clock.now().getTime() + 3 * 60 * 60 * 1000)
    const ours = await queueTestEmail(payload, { to: { email: uniqueAddress('ours') }, relatedDocument: { relationTo: 'users', value: student.id }, scheduledFor: later })

    // The same two writes the way queueEmail made them before: Payload's adapter and Payload's jobs.queue.
    const theirs = await queueTestEmail(payload, { to: { email: uniqueAddress('theirs') }, scheduledFor: later })
    const req = await createLocalReq({}, payload)
    await payload.db.updateOne({ collection: 'email-log', id: theirs.emailLogId, data: { relatedDocument: { relationTo: 'users', value: student.id } }, req, returning: false })
    await queueSendJob(req, theirs.emailLogId, later)

    const [ourJob] = await pendingJobFor(payload, ours.emailLogId)
    const theirJobs = await pendingJobFor(payload, theirs.emailLogId)
    const theirJob = theirJobs.at(-1)!
    expect(theirJobs).toHaveLength(2)
    // As Payload reads them (every field of the jobs collection), and as stored.
    const comparable = (job: Record<string, unknown>) => ({ ...job, id: undefined, input: undefined, createdAt: undefined, updatedAt: undefined })
    expect(comparable(ourJob as never)).toEqual(comparable(theirJob as never))
    expect(ourJob.input).toEqual({ emailLogId: ours.emailLogId })
    expect(theirJob.input).toEqual({ emailLogId: theirs.emailLogId })
    expect({ ...(await jobRow(ourJob.id)), input: null }).toEqual({ ...(await jobRow(theirJob.id)), input: null })
    expect(await relatedRows(ours.emailLogId)).toEqual(await relatedRows(theirs.emailLogId))
    expect((await logRow(payload, ours.emailLogId)).relatedDocument).toEqual((await logRow(payload, theirs.emailLogId)).relatedDocument)
  })

  it('queue a job the runner runs: the email is sent once', async () => {
    const { payload } = aula
    const email = uniqueAddress('runs')
    const queued = await queueTestEmail(payload, { to: { email } })
    const [job] = await pendingJobFor(payload, queued.emailLogId)

    await payload.jobs.run({ limit: 100, silent: true })

    expect(smtp.to(email)).toHaveLength(1)
    expect((await logRow(payload, queued.emailLogId)).status).toBe('sent')
    expect((await payload.findByID({ collection: 'payload-jobs', id: job.id, overrideAccess: true })).completedAt).toBeTruthy()
  })

  it('write no related document and no job for a duplicate key', async () => {
    const { payload } = aula
    const student = await aula.createUser(['student'])
    const input = { to: { email: uniqueAddress('twice') }, dedupeKey: `twice:${Date.now()}`, relatedDocument: { relationTo: 'users' as const, value: student.id } }
    const first = await queueTestEmail(payload, input)
    const second = await queueTestEmail(payload, input)

    expect(second).toEqual({ queued: false, emailLogId: first.emailLogId })
    expect(await pendingJobFor(payload, first.emailLogId)).toHaveLength(1)
    expect(await relatedRows(first.emailLogId)).toHaveLength(1)
  })

  it('queueEmails writes several in one statement, each row as queueEmail writes it, a used key a quiet no-op in its place', async () => {
    const { payload } = aula
    const student = await aula.createUser(['student'])
    const later = new Date(aula.clock.now().getTime() + 2 * 60 * 60 * 1000)
    const taken = await queueTestEmail(payload, { to: { email: uniqueAddress('taken') }, dedupeKey: `taken:${Date.now()}` })
    const single = await queueTestEmail(payload, { to: { email: uniqueAddress('single') }, relatedDocument: { relationTo: 'users', value: student.id }, scheduledFor: later })
    const one = (name: string, dedupeKey = `${name}:${Date.now()}`) => ({
      templateKey: 'enrollment_confirmed' as const,
      to: { email: uniqueAddress(name) },
      dedupeKey,
      variables: { firstName: 'Ana', title: 'Excel para finanzas' },
      relatedDocument: { relationTo: 'users' as const, value: student.id },
      scheduledFor: later,
    })
    const req = await createLocalReq({}, payload)
    const inputs = [one('first'), one('again', (await logRow(payload, taken.emailLogId)).dedupeKey as string), one('third')]
    let results: Awaited<ReturnType<typeof queueEmails>> = []
    const statements = await statementsDuring(payload, async () => {
      results = await queueEmails(req, inputs)
    })
    // One statement for the three, one more to name the row that already held the used key.
    expect(statements).toHaveLength(2)
    expect(results.map((result) => result.queued)).toEqual([true, false, true])
    expect(results[1]!.emailLogId).toBe(taken.emailLogId)
    const [singleJob] = await pendingJobFor(payload, single.emailLogId)
    for (const result of [results[0]!, results[2]!]) {
      const [job] = await pendingJobFor(payload, result.emailLogId)
      expect({ ...(await jobRow(job.id)), input: null }).toEqual({ ...(await jobRow(singleJob.id)), input: null })
      expect(job.input).toEqual({ emailLogId: result.emailLogId })
      expect(await relatedRows(result.emailLogId)).toEqual(await relatedRows(single.emailLogId))
    }
    expect(await pendingJobFor(payload, taken.emailLogId)).toHaveLength(1)
    // One key twice in one call: the second is the no-op it would be in two calls, not a unique violation.
    const twice = one('twice')
    const answers = await queueEmails(req, [twice, { ...twice, to: { email: uniqueAddress('twice-b') } }])
    expect(answers.map((answer) => answer.queued)).toEqual([true, false])
    expect(answers[1]!.emailLogId).toBe(answers[0]!.emailLogId)
  })
})
