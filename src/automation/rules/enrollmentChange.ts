import type { PayloadRequest } from 'payload'

import type { GuardVerdict } from '../../email/guards'
import { queueEmail } from '../../email/queueEmail'
import { enrollmentMessage } from '../../enrollment/notify/enrollmentMessage'
import { getBusinessSettings } from '../../settings/businessSettings'
import { getClock } from '../../utilities/clock'
import { loadActiveRules, rulesForItem, ruleTargetOf } from './activeRules'
import { recipientTimeZone } from './followUpRules'
import { moveOutOfQuietHours } from './quietHours'
import { offsetMs } from './readRule'
import { dedupePrefixOf, type EmailRule, type EnrollmentEvent } from './types'

const ENDED = ['cancelled', 'refunded']

/**
 * What a status change means for rules. A promotion from the waitlist is `promoted`, and also
 * `confirmed` when the seat is confirmed at once (a rule for each fires). A refund ends the seat like
 * a cancellation. `completed` is not a status: it comes from attendance (planCompletionEmails).
 */
export function enrollmentEventsOf(previous: string | undefined, next: string): EnrollmentEvent[] {
  if (previous === next) return []
  const events: EnrollmentEvent[] = []
  if (next === 'confirmed') events.push('confirmed')
  if (next === 'waitlisted') events.push('waitlisted')
  if (previous === 'waitlisted' && (next === 'confirmed' || next === 'pending_payment')) events.push('promoted')
  if (ENDED.includes(next) && !ENDED.includes(previous ?? '')) events.push('cancelled')
  return events
}

/** Whether the enrollment still stands where the event put it (checked again at send time). */
export function enrollmentStillFits(event: EnrollmentEvent, enrollment: { status?: unknown; completedAt?: unknown }): boolean {
  switch (event) {
    case 'confirmed':
      return enrollment.status === 'confirmed'
    case 'waitlisted':
      return enrollment.status === 'waitlisted'
    case 'promoted':
      return enrollment.status === 'confirmed' || enrollment.status === 'pending_payment'
    case 'cancelled':
      return ENDED.includes(String(enrollment.status))
    case 'completed':
      return enrollment.status === 'confirmed' && Boolean(enrollment.completedAt)
  }
}

/** One person's key for an event rule: once per enrollment and event, whatever the offset (an edited rule does not resend). */
export const enrollmentChangeDedupeKey = (rule: Pick<EmailRule, 'id' | 'key'>, enrollmentId: number, event: EnrollmentEvent) => `${dedupePrefixOf(rule)}:${enrollmentId}:${event}`

/**
 * Queues the emails of the active `enrollment_change` rules for what just happened to an enrollment:
 * each rule's offset after the change (0 = now), moved out of its quiet hours in the person's zone.
 * Runs in the change's transaction (src/collections/Enrollments/hooks/queueStatusEmail.ts): a rolled-back
 * change mails nobody. The transactional replies (confirmation, waitlist, promotion, cancellation) are
 * not rules and stay as they are. Returns the keys it asked for.
 */
export async function planEnrollmentChangeEmails(req: PayloadRequest, doc: Record<string, any>, previousDoc?: Record<string, any> | null, rules?: EmailRule[]): Promise<string[]> {
  const events = enrollmentEventsOf(previousDoc?.status as string | undefined, String(doc.status))
  return queueEventEmails(req, doc, events, rules)
}

/** The `completed` event, for the enrollments attendance just completed (src/attendance/completion.ts). */
export async function planCompletionEmails(req: PayloadRequest, enrollmentIds: number[]): Promise<string[]> {
  if (!enrollmentIds.length) return []
  const rules = (await loadActiveRules(req)).filter((rule) => rule.trigger === 'enrollment_change' && rule.enrollmentEvent === 'completed')
  if (!rules.length) return []
  const { docs } = await req.payload.find({ collection: 'enrollments', where: { id: { in: enrollmentIds } }, depth: 0, pagination: false, overrideAccess: true, req })
  const keys: string[] = []
  for (const doc of docs) keys.push(...(await queueEventEmails(req, doc as Record<string, any>, ['completed'], rules)))
  return keys
}

async function queueEventEmails(req: PayloadRequest, doc: Record<string, any>, events: EnrollmentEvent[], loaded?: EmailRule[]): Promise<string[]> {
  if (!events.length) return []
  // One small query on every status change; nothing else is read unless a rule listens.
  const listening = (loaded ?? (await loadActiveRules(req))).filter((rule) => rule.trigger === 'enrollment_change' && rule.enrollmentEvent && events.includes(rule.enrollmentEvent))
  if (!listening.length) return []
  const ref = doc.item as { relationTo?: 'webinars' | 'courses'; value?: unknown } | undefined
  if (ref?.relationTo !== 'webinars' && ref?.relationTo !== 'courses') return []
  const itemId = typeof ref.value === 'object' && ref.value ? (ref.value as { id: number }).id : Number(ref.value)
  const item = await req.payload.findByID({ collection: ref.relationTo, id: itemId, depth: 0, overrideAccess: true, disableErrors: true, trash: true, req })
  if (!item) return []
  const rules = rulesForItem(listening, ruleTargetOf(ref.relationTo, item as Record<string, any>))
  if (!rules.length) return []
  const message = await enrollmentMessage(req, doc)
  if (!message) return []
  const userId = typeof doc.user === 'object' && doc.user ? doc.user.id : doc.user
  const user = await req.payload.findByID({ collection: 'users', id: userId, depth: 0, overrideAccess: true, disableErrors: true, req })
  const timeZone = recipientTimeZone(user as { timezone?: unknown } | null, message.timezone, (await getBusinessSettings(req.payload, req)).timezone)
  const now = getClock(req.payload).now()
  const keys: string[] = []
  for (const rule of rules) {
    const event = rule.enrollmentEvent as EnrollmentEvent
    const at = moveOutOfQuietHours(new Date(now.getTime() + offsetMs(rule)), rule.quietHours, timeZone)
    const dedupeKey = enrollmentChangeDedupeKey(rule, Number(doc.id), event)
    await queueEmail(req, {
      templateKey: rule.templateKey,
      to: message.to,
      dedupeKey,
      relatedDocument: { relationTo: 'enrollments', value: Number(doc.id) },
      variables: { ...message.variables, reason: doc.cancellationReason ?? '' },
      scheduledFor: at > now ? at : undefined,
      rule: rule.id,
    })
    keys.push(dedupeKey)
  }
  return keys
}

/**
 * The send-time check of an enrollment-change email (called by the rule guard, src/automation/rules/guard.ts):
 * the seat must still stand where the event put it — a "welcome, 2 days after confirming" is not sent to
 * someone who cancelled meanwhile. Null when it still does (the rule's other checks and the template's own guard follow).
 */
export function enrollmentChangeVerdict(rule: Pick<EmailRule, 'enrollmentEvent'>, enrollment: { status?: unknown; completedAt?: unknown }): GuardVerdict | null {
  if (!rule.enrollmentEvent || enrollmentStillFits(rule.enrollmentEvent, enrollment)) return null
  return { send: false, reason: `the enrollment is no longer ${rule.enrollmentEvent}` }
}
