import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { replanEnrollmentEmails } from '../../automation/rules/plan'
import { loadActiveRules } from '../../automation/rules/activeRules'
import { queueEmail } from '../../email/queueEmail'
import { notifyWebinarRescheduled } from '../../notifications/triggers/scheduleChanged'
import { inviteFor } from '../notify/calendar'
import { enrollmentMessage } from '../notify/enrollmentMessage'

/** Each new start time bumps the calendar SEQUENCE, so calendars replace the old event instead of adding one. */
export const bumpScheduleSequence: CollectionBeforeChangeHook = ({ data, operation, originalDoc }) => {
  if (operation === 'update' && data.startsAt && originalDoc?.startsAt && new Date(data.startsAt).getTime() !== new Date(originalDoc.startsAt).getTime()) {
    data.scheduleSequence = Number(originalDoc.scheduleSequence ?? 0) + 1
  }
  return data
}

const activeEnrollments = (req: Parameters<CollectionAfterChangeHook>[0]['req'], webinarId: number, statuses: string[]) =>
  req.payload.find({
    collection: 'enrollments',
    where: { and: [{ 'item.relationTo': { equals: 'webinars' } }, { 'item.value': { equals: webinarId } }, { status: { in: statuses } }] },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })

/**
 * A new start time re-plans every confirmed person's reminders and mails them the new time with an
 * updated invite. A cancelled webinar is src/cancellation's: its enrollments end (and paid ones are
 * refunded) in the `cancelItemEnrollments` job, queued by the collection's `queueEnrollmentCancellation`.
 */
export const notifyScheduleChanges: CollectionAfterChangeHook = async ({ doc, operation, previousDoc, req }) => {
  if (operation !== 'update' || doc.status === 'cancelled') return doc
  const moved = previousDoc?.startsAt && new Date(doc.startsAt).getTime() !== new Date(previousDoc.startsAt).getTime()
  if (!moved) return doc
  // The waitlisted are not told (they hold no seat), but the rules' emails for them follow the new start too.
  const { docs } = await activeEnrollments(req, doc.id, ['confirmed', 'waitlisted'])
  const organizer = req.payload.email?.defaultFromAddress ?? 'aula@localhost'
  const rules = await loadActiveRules(req)
  for (const enrollment of docs) {
    const message = await enrollmentMessage(req, enrollment)
    if (!message?.startsAt) continue
    if (enrollment.status === 'confirmed') {
      await queueEmail(req, {
        templateKey: 'webinar_rescheduled',
        to: message.to,
        dedupeKey: `webinar_rescheduled:${enrollment.id}:${message.startsAt.toISOString()}`,
        relatedDocument: { relationTo: 'enrollments', value: enrollment.id },
        variables: { ...message.variables, reason: '' },
        attachments: inviteFor(message, 'REQUEST', organizer),
      })
      await notifyWebinarRescheduled(req, enrollment, message)
    }
    // The rules' emails follow the new start: new keys are queued, the old start's are cancelled.
    await replanEnrollmentEmails(req, message, { rules, reason: 'the webinar was rescheduled' })
  }
  return doc
}
