import { createLocalReq, type Payload } from 'payload'

import { queueEmail, type QueueEmailInput } from '../../src/email/queueEmail'

let counter = 0

/** A unique recipient address per call, so tests in one file never read each other's mail. */
export const uniqueAddress = (label = 'person') => `${label}-${++counter}-${Date.now()}@test.aula`

/** queueEmail outside any request transaction, as a script or a test would. */
export async function queueTestEmail(payload: Payload, input: Partial<QueueEmailInput> & { to: QueueEmailInput['to'] }) {
  const req = await createLocalReq({}, payload)
  return queueEmail(req, {
    templateKey: 'enrollment_confirmed',
    dedupeKey: `test:${input.to.email}:${++counter}`,
    variables: { firstName: 'Ana', title: 'Excel para finanzas' },
    ...input,
  })
}

/** Runs every due job until the queue is empty (jobs waiting for a retry backoff are not due). */
export async function drainQueue(payload: Payload): Promise<void> {
  for (let round = 0; round < 100; round += 1) {
    const result = await payload.jobs.run({ limit: 100, silent: true })
    if (result.noJobsRemaining) return
  }
  throw new Error('The job queue did not drain in 100 rounds')
}

/** The pending sendEmail job of a log row (retries keep one job; Payload sets its waitUntil). */
export async function pendingJobFor(payload: Payload, emailLogId: number) {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: 'sendEmail' } }, { completedAt: { exists: false } }, { hasError: { not_equals: true } }] },
    limit: 0,
    pagination: false,
    overrideAccess: true,
  })
  return docs.filter((job) => (job.input as { emailLogId?: number } | undefined)?.emailLogId === emailLogId)
}

export const logRow = (payload: Payload, id: number) =>
  payload.findByID({ collection: 'email-log', id, depth: 0, overrideAccess: true })

/**
 * `drainQueue`, then runs by id every job still waiting for a retry (Payload's retry backoff counts
 * real minutes): what a worker would do over the next minutes, now. Exactly-once delivery has to
 * hold across retries too, so tests about it use this.
 */
export async function drainQueueWithRetries(payload: Payload): Promise<void> {
  for (let round = 0; round < 10; round += 1) {
    await drainQueue(payload)
    const { docs } = await payload.find({
      collection: 'payload-jobs',
      where: { and: [{ completedAt: { exists: false } }, { hasError: { not_equals: true } }] },
      limit: 0,
      pagination: false,
      overrideAccess: true,
    })
    if (!docs.length) return
    for (const job of docs) await payload.jobs.runByID({ id: job.id, silent: true })
  }
}
