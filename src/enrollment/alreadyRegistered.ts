import type { PayloadRequest } from 'payload'

import { queueEmail } from '../email/queueEmail'
import { getClock } from '../utilities/clock'
import { enrollmentMessage } from './notify/enrollmentMessage'

/** At most one "already registered" email per enrollment per hour, however often someone retries. */
const NOTICE_WINDOW_MS = 60 * 60_000

/**
 * A registration by email for a person who already holds an active enrollment, asked by someone
 * who may not learn that (docs/api-enrollment.md, "Registering someone already registered"): they
 * get the answer a registration of that person would get, built from the existing enrollment, and
 * the person gets an email saying so, with their cancel (and pay) link. Nothing else is written.
 */
export async function answerAlreadyRegistered(req: PayloadRequest, enrollmentId: number): Promise<Record<string, unknown>> {
  const enrollment = (await req.payload.findByID({ collection: 'enrollments', id: enrollmentId, depth: 0, overrideAccess: true, req })) as unknown as Record<string, unknown>
  const message = await enrollmentMessage(req, enrollment)
  if (message) {
    const window = Math.floor(getClock(req.payload).now().getTime() / NOTICE_WINDOW_MS)
    await queueEmail(req, {
      templateKey: 'enrollment_already_registered',
      to: message.to,
      dedupeKey: `enrollment_already_registered:${enrollmentId}:${window}`,
      relatedDocument: { relationTo: 'enrollments', value: enrollmentId },
      variables: message.variables,
    })
  }
  return enrollment
}
