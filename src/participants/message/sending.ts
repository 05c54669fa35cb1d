import type { PayloadRequest } from 'payload'

import { queueEmail } from '../../email/queueEmail'
import type { EmailLocale } from '../../email/templateVariables'
import { inTransaction, sql, sqlFor } from '../../enrollment/transaction'
import { listParticipants, type ParticipantItem } from '../listParticipants'
import { messageVariables, type StaffMessage, versionFor } from './compose'

export const PARTICIPANTS_MESSAGE_TASK = 'sendParticipantsMessage'
/** Emails queued per transaction by the job: a retry after a failure resumes where it stopped. */
export const QUEUE_BATCH_SIZE = 50

export interface SendJobInput {
  collection: ParticipantItem['collection']
  itemId: number
  enrollmentIds: number[]
  message: StaffMessage
  staffLanguage: EmailLocale
  /** `user-<id>:<the page's send key>`: one sending per click, whoever else uses the same key. */
  sendKey: string
}

/**
 * Queues the sending job once per send key: a second click (or a retried request) with the same key
 * finds the first job and queues nothing. Each email's own dedupe key makes even two jobs send once.
 */
export async function queueSending(req: PayloadRequest, input: SendJobInput): Promise<{ queued: boolean }> {
  return inTransaction(req, async () => {
    const db = await sqlFor(req)
    await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`participants_message:${input.sendKey}`}))`)
    const { rows } = await db.execute(sql`SELECT id FROM payload_jobs WHERE task_slug = ${PARTICIPANTS_MESSAGE_TASK} AND input->>'sendKey' = ${input.sendKey} LIMIT 1`)
    if (rows.length) return { queued: false }
    await req.payload.jobs.queue({ task: PARTICIPANTS_MESSAGE_TASK as never, input: input as never, req })
    return { queued: true }
  })
}

/** The job's work: one email per recipient through queueEmail, in batches, each batch one transaction. */
export async function queueParticipantEmails(req: PayloadRequest, item: ParticipantItem, input: SendJobInput, batchSize = QUEUE_BATCH_SIZE): Promise<{ queued: number; skipped: number }> {
  const { participants } = await listParticipants(req, item)
  const wanted = new Set(input.enrollmentIds)
  // Someone who left the item since the click (their enrollment deleted) is not written to.
  const recipients = participants.filter((participant) => wanted.has(participant.enrollmentId))
  let queued = 0
  for (let start = 0; start < recipients.length; start += batchSize) {
    await inTransaction(req, async () => {
      for (const person of recipients.slice(start, start + batchSize)) {
        const locale = versionFor(input.message, person.language, input.staffLanguage)
        const result = await queueEmail(req, {
          templateKey: 'participants_message',
          to: { email: person.email, language: locale },
          dedupeKey: `participants_message:${input.collection}-${input.itemId}:${input.sendKey}:enrollment-${person.enrollmentId}`,
          relatedDocument: { relationTo: 'enrollments', value: person.enrollmentId },
          variables: messageVariables(input.message, locale, item, person),
        })
        if (result.queued) queued += 1
      }
    })
  }
  return { queued, skipped: recipients.length - queued }
}
