import type { PayloadRequest } from 'payload'

import { cancelQueuedEmails } from '../../email/cancelQueuedEmails'
import { queueEmail } from '../../email/queueEmail'
import type { EmailTemplateKey } from '../../email/templateVariables'
import { getClock } from '../../utilities/clock'
import type { EnrollmentMessage } from './enrollmentMessage'
import { SESSION_REMINDER_KEYS } from './sessionReminders'

const MINUTE = 60_000

/** Reminders before a webinar, to every confirmed registrant. The 15-minute one carries the meeting link. */
export const REMINDERS: { templateKey: EmailTemplateKey; before: number }[] = [
  { templateKey: 'webinar_reminder_24h', before: 24 * 60 * MINUTE },
  { templateKey: 'webinar_reminder_1h', before: 60 * MINUTE },
  { templateKey: 'webinar_access_15m', before: 15 * MINUTE },
]
export const REMINDER_KEYS = REMINDERS.map((reminder) => reminder.templateKey)

/** The dedupe key names the start time, so a rescheduled webinar gets fresh reminders. */
export const reminderDedupeKey = (templateKey: string, enrollmentId: number, startsAt: Date) =>
  `${templateKey}:${enrollmentId}:${startsAt.toISOString()}`

/**
 * Queues the reminders still ahead: someone registering 30 minutes before the start gets only the
 * 15-minute one, never a "tomorrow" one. The access email (meeting link) is the exception that
 * never gets skipped: registering with less than 15 minutes to go sends it at once.
 */
export async function planReminders(req: PayloadRequest, message: EnrollmentMessage): Promise<void> {
  const startsAt = message.startsAt
  if (!startsAt) return
  const now = getClock(req.payload).now()
  if (now >= startsAt) return
  for (const { templateKey, before } of REMINDERS) {
    const at = new Date(startsAt.getTime() - before)
    const isAccess = templateKey === 'webinar_access_15m'
    if (at <= now && !isAccess) continue
    await queueEmail(req, {
      templateKey,
      to: message.to,
      dedupeKey: reminderDedupeKey(templateKey, message.enrollmentId, startsAt),
      relatedDocument: { relationTo: 'enrollments', value: message.enrollmentId },
      variables: message.variables,
      scheduledFor: at > now ? at : undefined,
    })
  }
}

/** Drops an enrollment's reminders that have not gone out yet: a webinar's, or every session's of a course. */
export const cancelReminders = (req: PayloadRequest, enrollmentId: number, reason: string) =>
  cancelQueuedEmails(
    req,
    {
      and: [
        { 'relatedDocument.value': { equals: enrollmentId } },
        { 'relatedDocument.relationTo': { equals: 'enrollments' } },
        { templateKey: { in: [...REMINDER_KEYS, ...SESSION_REMINDER_KEYS] } },
      ],
    },
    reason,
  )
