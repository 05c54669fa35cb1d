import { isOnline } from '../../courses/sessions'
import type { EnrollmentMessage } from '../../enrollment/notify/enrollmentMessage'
import { sessionVariables } from '../../enrollment/notify/sessionVariables'
import type { EmailVariables } from '../../email/renderTemplate'
import { isFollowUpRule } from './followUpRules'
import { moveOutOfQuietHours } from './quietHours'
import { offsetMs } from './readRule'
import { dedupePrefixOf, type EmailRule, type RuleAudience } from './types'

const HOUR = 60 * 60_000
/**
 * Session emails are queued only for sessions starting within this window (48 h, with a day to spare
 * for the 24 h reminder); a rule further ahead of its session widens it to its own offset plus a day.
 * The rolling planner (src/courses/notify/planUpcomingReminders.ts, every 15 minutes) queues the rest
 * as their sessions come near, so a 30-session course never holds a term of emails per student.
 */
export const SESSION_REMINDER_HORIZON_MS = 48 * HOUR

export const sessionHorizonMs = (rule: EmailRule) =>
  rule.trigger.startsWith('before_') ? Math.max(SESSION_REMINDER_HORIZON_MS, offsetMs(rule) + 24 * HOUR) : SESSION_REMINDER_HORIZON_MS

/** Rules the planner queues ahead: item-time rules for people known now. Follow-up and enrollment-change rules are sent elsewhere (src/followUps, enrollmentChange.ts). */
export const isPlannedRule = (rule: EmailRule) => rule.trigger !== 'enrollment_change' && !isFollowUpRule(rule)

const AUDIENCE_STATUSES: Partial<Record<RuleAudience, string[]>> = {
  confirmed: ['confirmed'],
  waitlisted: ['waitlisted'],
  enrolled: ['confirmed', 'waitlisted'],
}

/** Whether an enrollment in this status is among the rule's audience (attendance audiences are the follow-ups'). */
export const fitsAudience = (audience: RuleAudience, status: unknown) => (AUDIENCE_STATUSES[audience] ?? []).includes(String(status))

/** One email a rule wants for one enrollment. */
export interface PlannedEmail {
  rule: EmailRule
  dedupeKey: string
  /** When it goes out; null = at once (registered late, `sendLateUntilStart`). */
  at: Date | null
  variables: EmailVariables
}

/**
 * The moment of a rule relative to an anchor (the item's or a session's start or end), still ahead
 * of `now`, moved out of quiet hours; null when there is nothing left to send. Quiet hours never push
 * a before-start email past the start it announces: it then keeps its planned minute.
 */
export function momentOf(rule: EmailRule, start: Date, end: Date, now: Date, timeZone: string): { at: Date | null } | null {
  const anchor = rule.trigger.endsWith('_start') ? start : end
  const offset = rule.trigger.startsWith('before_') ? -offsetMs(rule) : offsetMs(rule)
  const planned = new Date(anchor.getTime() + offset)
  if (planned <= now) return rule.sendLateUntilStart && now < start ? { at: null } : null
  const moved = moveOutOfQuietHours(planned, rule.quietHours, timeZone)
  return { at: rule.trigger.startsWith('before_') && moved >= anchor ? planned : moved }
}

/** The dedupe key: the rule's prefix, the enrollment, (the session,) the start or end it was planned for. Never the offset: an edited offset re-times the same email. */
export const itemEmailKey = (rule: EmailRule, enrollmentId: number, anchor: Date) => `${dedupePrefixOf(rule)}:${enrollmentId}:${anchor.toISOString()}`
export const sessionEmailKey = (rule: EmailRule, enrollmentId: number, sessionId: string, sessionStartsAt: Date) =>
  `${dedupePrefixOf(rule)}:${enrollmentId}:${sessionId}:${sessionStartsAt.toISOString()}`

/** Every email the given rules (already those of this item) want for this enrollment, now. */
export function plannedEmails(rules: EmailRule[], message: EnrollmentMessage, now: Date): PlannedEmail[] {
  const timeZone = message.recipientTimezone ?? message.timezone
  const planned: PlannedEmail[] = []
  for (const rule of rules) {
    if (!isPlannedRule(rule) || !fitsAudience(rule.audience, message.status)) continue
    if (rule.timing === 'each_session') {
      if (message.collection !== 'courses') continue
      for (const session of message.sessions) {
        if (now >= session.startsAt && rule.trigger.startsWith('before_')) continue
        if (session.startsAt.getTime() > now.getTime() + sessionHorizonMs(rule)) continue
        if (rule.onlineOnly && !isOnline(session)) continue
        const moment = momentOf(rule, session.startsAt, session.endsAt, now, timeZone)
        if (!moment) continue
        planned.push({
          rule,
          dedupeKey: sessionEmailKey(rule, message.enrollmentId, session.id, session.startsAt),
          at: moment.at,
          variables: { ...message.variables, ...sessionVariables(session, message.timezone, message.to.language) },
        })
      }
      continue
    }
    if (!message.startsAt) continue
    const end = message.endsAt ?? message.startsAt
    const moment = momentOf(rule, message.startsAt, end, now, timeZone)
    if (!moment) continue
    const anchor = rule.trigger.endsWith('_start') ? message.startsAt : end
    planned.push({ rule, dedupeKey: itemEmailKey(rule, message.enrollmentId, anchor), at: moment.at, variables: message.variables })
  }
  return planned
}
