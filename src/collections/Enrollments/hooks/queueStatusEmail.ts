import type { CollectionAfterChangeHook } from 'payload'

import { loadActiveRules } from '../../../automation/rules/activeRules'
import { enrollmentEventsOf, planEnrollmentChangeEmails } from '../../../automation/rules/enrollmentChange'
import { cancelEnrollmentRuleEmails, replanEnrollmentEmails } from '../../../automation/rules/plan'
import { idOf } from '../../../crm/ids'
import { queueEmail } from '../../../email/queueEmail'
import type { EmailTemplateKey } from '../../../email/templateVariables'
import { inviteFor } from '../../../enrollment/notify/calendar'
import { enrollmentMessage } from '../../../enrollment/notify/enrollmentMessage'
import { takeRecipientOfNewEnrollment } from '../../../enrollment/notify/recipient'
import { notifyWaitlistPromoted } from '../../../notifications/triggers/waitlistPromoted'

/** Which email a status change sends, per the contract's table. */
function templateFor(previous: string | undefined, next: string): EmailTemplateKey | null {
  if (previous === next) return null
  if (previous === 'waitlisted' && (next === 'confirmed' || next === 'pending_payment')) return 'waitlist_promoted'
  if (next === 'confirmed') return 'enrollment_confirmed'
  if (next === 'waitlisted') return 'enrollment_waitlisted'
  if (next === 'cancelled' || next === 'refunded') return 'enrollment_cancelled'
  return null
}

/**
 * Queues the email a status change calls for, in the same transaction as the change (a rolled-back
 * registration mails nobody). Confirmations carry a calendar invite (a course's: one entry per
 * session) and plan the reminders (a webinar's, or each session's); cancellations withdraw the
 * invite (every session of a course) and drop reminders not yet sent. Each email's dedupe key is
 * `<template>:<enrollment id>`, so it goes out at most once.
 */
export const queueStatusEmail: CollectionAfterChangeHook = async ({ doc, operation, previousDoc, req }) => {
  const previous = operation === 'create' ? undefined : (previousDoc?.status as string | undefined)
  // A new enrollment's person, as its search text just read them (one read per registration).
  const recipient = operation === 'create' ? takeRecipientOfNewEnrollment(req, Number(idOf(doc.user))) : undefined
  // Nothing to send (a hold created pending payment, a change that kept the status): no rule is read.
  if (!templateFor(previous, doc.status) && !enrollmentEventsOf(previous, String(doc.status)).length) return doc
  // Read once per status change, for both the enrollment-change rules and the planned emails (every registration passes here).
  const rules = await loadActiveRules(req)
  // Staff's enrollment-change rules (src/automation/rules/enrollmentChange.ts) come on top of the transactional reply below.
  await planEnrollmentChangeEmails(req, doc, operation === 'create' ? null : previousDoc, rules)
  let templateKey = templateFor(previous, doc.status)
  if (!templateKey) return doc
  const message = await enrollmentMessage(req, doc, recipient)
  if (!message) return doc
  const confirmed = doc.status === 'confirmed'
  const ending = templateKey === 'enrollment_cancelled'
  // A group attendee whose seat goes to someone else is told that, not that they cancelled (src/commerce/bookingChanges).
  if (ending && req.context.seatPassesOn === doc.id) templateKey = 'booking_attendee_replaced'
  const hadSeatInCalendar = previous === 'confirmed'
  const organizer = req.payload.email?.defaultFromAddress ?? 'aula@localhost'
  await queueEmail(req, {
    templateKey,
    to: message.to,
    dedupeKey: `${templateKey}:${doc.id}`,
    relatedDocument: { relationTo: 'enrollments', value: doc.id },
    variables: { ...message.variables, reason: doc.cancellationReason ?? '' },
    attachments: confirmed ? inviteFor(message, 'REQUEST', organizer) : ending && hadSeatInCalendar ? inviteFor(message, 'CANCEL', organizer) : undefined,
  })
  if (templateKey === 'waitlist_promoted') await notifyWaitlistPromoted(req, doc, message)
  // The email rules (src/automation/rules): reminders for the confirmed, a waitlist's own emails while waitlisted, nothing once it ends.
  if (ending) await cancelEnrollmentRuleEmails(req, Number(doc.id), `enrollment ${doc.status}`)
  else await replanEnrollmentEmails(req, message, { rules, newEnrollment: operation === 'create' })
  return doc
}
