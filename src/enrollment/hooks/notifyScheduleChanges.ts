import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { queueEmail } from '../../email/queueEmail'
import { inviteFor } from '../notify/calendar'
import { enrollmentMessage } from '../notify/enrollmentMessage'
import { cancelReminders, planReminders } from '../notify/reminders'

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
  const { docs } = await activeEnrollments(req, doc.id, ['confirmed'])
  const organizer = req.payload.email?.defaultFromAddress ?? 'aula@localhost'
  for (const enrollment of docs) {
    const message = await enrollmentMessage(req, enrollment)
    if (!message?.startsAt) continue
    await cancelReminders(req, Number(enrollment.id), 'the webinar was rescheduled')
    await queueEmail(req, {
      templateKey: 'webinar_rescheduled',
      to: message.to,
      dedupeKey: `webinar_rescheduled:${enrollment.id}:${message.startsAt.toISOString()}`,
      relatedDocument: { relationTo: 'enrollments', value: enrollment.id },
      variables: { ...message.variables, reason: '' },
      attachments: inviteFor(message, 'REQUEST', organizer),
    })
    await planReminders(req, message)
  }
  return doc
}
