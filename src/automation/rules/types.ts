import type { EmailTemplateKey } from '../../email/templateVariables'

/**
 * An email rule as the planner reads it (the `email-rules` collection, src/collections/EmailRules).
 * A rule says which email goes to whom and when; the planner turns it into queued `email-log` rows
 * with stable dedupe keys (docs/decisions/0023-email-rules.md).
 */
export const RULE_TRIGGERS = ['before_start', 'after_start', 'before_end', 'after_end', 'enrollment_change'] as const
export type RuleTrigger = (typeof RULE_TRIGGERS)[number]

export const OFFSET_UNITS = ['minutes', 'hours', 'days'] as const
export type OffsetUnit = (typeof OFFSET_UNITS)[number]

export const ENROLLMENT_EVENTS = ['confirmed', 'waitlisted', 'promoted', 'cancelled', 'completed'] as const
export type EnrollmentEvent = (typeof ENROLLMENT_EVENTS)[number]

export const RULE_AUDIENCES = ['confirmed', 'waitlisted', 'attended', 'no_shows', 'enrolled'] as const
export type RuleAudience = (typeof RULE_AUDIENCES)[number]

export const RULE_SCOPES = ['all_webinars', 'all_courses', 'all_items', 'categories', 'items'] as const
export type RuleScope = (typeof RULE_SCOPES)[number]

/** `item`: relative to the webinar's or course's own start/end; `each_session`: to each course session's. */
export const RULE_TIMINGS = ['item', 'each_session'] as const
export type RuleTiming = (typeof RULE_TIMINGS)[number]

export interface EmailRule {
  id: number
  name: string
  /** Stock rules carry a key (e.g. `webinar_reminder_24h`); it is the prefix of their dedupe keys, unchanged from before rules existed. */
  key: string | null
  active: boolean
  templateKey: EmailTemplateKey
  trigger: RuleTrigger
  offsetAmount: number
  offsetUnit: OffsetUnit
  /** Only for `enrollment_change`. */
  enrollmentEvent: EnrollmentEvent | null
  audience: RuleAudience
  scope: RuleScope
  categoryIds: number[]
  items: { relationTo: 'webinars' | 'courses'; id: number }[]
  timing: RuleTiming
  /** Course sessions only: skip in-person sessions (the access email carries a meeting link). Webinars are always online. */
  onlineOnly: boolean
  /** Registered after the moment but before the start: send at once instead of skipping (the access email). */
  sendLateUntilStart: boolean
  /** Never send between `from` and `until` ("22:00"–"07:00") in the recipient's time zone; the email moves to the next allowed minute. */
  quietHours: { from: string; until: string } | null
}

/** The prefix of a rule's dedupe keys: a stock rule's key, or `rule-<id>`. */
export const dedupePrefixOf = (rule: Pick<EmailRule, 'id' | 'key'>) => rule.key || `rule-${rule.id}`
