import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { ChildProcess } from 'node:child_process'
import { commitTransaction, createLocalReq, initTransaction } from 'payload'

import { queueEmail } from '../../src/email/queueEmail'
import { seedEmailTemplates } from '../../src/seed/emailTemplates'
import { startTestAula, type TestAula } from '../helpers/aula'
import { SmtpSink } from '../helpers/smtpSink'
import { signalWorkerGroup, startWorkerProcess } from '../helpers/workerProcess'

/**
 * Three real `npm run worker` processes on one queue and one database, ticking every second (the
 * ticks line up on the second, so they race for the same rows). Every job runs exactly once, every
 * email goes out exactly once, and the schedules queue each scheduled run once, not once per worker.
 */
let aula: TestAula
const smtp = new SmtpSink()
const workers: ChildProcess[] = []

beforeAll(async () => {
  await smtp.start()
  aula = await startTestAula({ smtpTransport: smtp.transport })
  await seedEmailTemplates(aula.payload)
})

afterAll(async () => {
  for (const worker of workers) signalWorkerGroup(worker, 'SIGKILL')
  await aula?.close()
  await smtp.stop()
})

async function startWorker(): Promise<ChildProcess> {
  const worker = await startWorkerProcess({ databaseUri: aula.databaseUri, smtpPort: smtp.port })
  workers.push(worker)
  return worker
}

async function waitUntil(condition: () => Promise<boolean>, what: string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

const jobsByID = async (ids: number[]) =>
  (await aula.payload.find({ collection: 'payload-jobs', where: { id: { in: ids } }, limit: 0, pagination: false, depth: 0, overrideAccess: true })).docs

const scheduledJobs = async () =>
  (await aula.payload.find({ collection: 'payload-jobs', where: { 'meta.scheduled': { equals: true } }, limit: 0, pagination: false, depth: 0, overrideAccess: true })).docs

describe('three workers on one queue', () => {
  it('run each job once, send each email once and queue each scheduled run once', async () => {
    await Promise.all([startWorker(), startWorker(), startWorker()])
    // Every schedule comes due for all three at once: with its pending scheduled job gone, each
    // worker's next tick finds nothing queued for it and would queue it.
    await waitUntil(async () => (await scheduledJobs()).length > 0, 'the first scheduled jobs')
    await aula.payload.delete({ collection: 'payload-jobs', where: { 'meta.scheduled': { equals: true } }, depth: 0, overrideAccess: true })

    // Everything is queued in one transaction, so all three workers see the whole batch at the same tick.
    const req = await createLocalReq({}, aula.payload)
    await initTransaction(req)
    const recipients = Array.from({ length: 60 }, (_, i) => `paralelo-${i}@example.com`)
    const emailLogIds: number[] = []
    for (const email of recipients) {
      const queued = await queueEmail(req, { templateKey: 'enrollment_confirmed', dedupeKey: `parallel:${email}`, to: { email }, variables: { firstName: 'Ana', title: 'Excel' } })
      emailLogIds.push(queued.emailLogId!)
    }
    const otherKinds = ['expirePaymentHolds', 'releaseStaleEmailClaims', 'deleteFinishedJobs'] as const
    const otherJobIds: number[] = []
    for (let round = 0; round < 10; round += 1) {
      for (const task of otherKinds) otherJobIds.push(Number((await aula.payload.jobs.queue({ task, input: {}, req })).id))
    }
    await commitTransaction(req)
    const emailJobIds = (
      await aula.payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'sendEmail' } }, limit: 0, pagination: false, depth: 0, overrideAccess: true })
    ).docs.map((job) => Number(job.id))
    expect(emailJobIds).toHaveLength(recipients.length)
    const ourJobIds = [...emailJobIds, ...otherJobIds]

    await waitUntil(async () => (await jobsByID(ourJobIds)).every((job) => job.completedAt), 'every job to complete')
    // A second run of a job would finish a moment after the first: give late duplicates two more ticks.
    await new Promise((resolve) => setTimeout(resolve, 2_500))

    // Payload appends one log entry per run of a job's task: two entries mean it ran twice.
    const notRunOnce = (await jobsByID(ourJobIds))
      .filter((job) => (job.log?.length ?? 0) !== 1 || job.hasError)
      .map((job) => `${job.taskSlug} job ${job.id}: ${job.log?.length ?? 0} runs${job.hasError ? ', failed' : ''}`)

    const rows = (await aula.payload.find({ collection: 'email-log', where: { id: { in: emailLogIds } }, limit: 0, pagination: false, depth: 0, overrideAccess: true })).docs
    const notSentOnce = [
      ...rows.filter((row) => row.status !== 'sent' || row.attempts !== 1).map((row) => `${row.to}: ${row.status} after ${row.attempts} claims`),
      ...recipients.filter((email) => smtp.to(email).length !== 1).map((email) => `${email}: ${smtp.to(email).length} messages`),
    ]

    // Each worker ran the schedules every second; each scheduled slot of each task must be queued once.
    const scheduled = await scheduledJobs()
    expect(scheduled.length).toBeGreaterThan(0)
    const slots = scheduled.map((job) => `${job.taskSlug} at ${job.waitUntil}`)
    const slotsQueuedTwice = slots.filter((slot, index) => slots.indexOf(slot) !== index)

    expect({ notRunOnce, notSentOnce, slotsQueuedTwice }).toEqual({ notRunOnce: [], notSentOnce: [], slotsQueuedTwice: [] })
  }, 240_000)
})
