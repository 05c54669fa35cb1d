import type { EmailTemplateKey } from '../../email/templateVariables'
import { STOCK_FOLLOW_UP_RULES } from './followUpRules'
import type { EnrollmentEvent, OffsetUnit, RuleAudience, RuleScope, RuleTiming, RuleTrigger } from './types'

/** A stock rule as the seeder writes it (the `email-rules` fields). */
export interface StockRule {
  key: string
  name: string
  templateKey: EmailTemplateKey
  trigger: RuleTrigger
  offsetAmount: number
  offsetUnit: OffsetUnit
  enrollmentEvent?: EnrollmentEvent
  audience: RuleAudience
  scope: RuleScope
  timing: RuleTiming
  onlineOnly?: boolean
  sendLateUntilStart?: boolean
}

/**
 * The emails Aula sent before rules existed, as rules. Each `key` is also the prefix of its dedupe
 * keys (`webinar_reminder_24h:<enrollment>:<start>`), exactly as before, so upgrading re-sends nothing.
 */
export const STOCK_RULES: StockRule[] = [
  {
    key: 'webinar_reminder_24h',
    name: 'Webinar: recordatorio 24 horas antes',
    templateKey: 'webinar_reminder_24h',
    trigger: 'before_start',
    offsetAmount: 24,
    offsetUnit: 'hours',
    audience: 'confirmed',
    scope: 'all_webinars',
    timing: 'item',
  },
  {
    key: 'webinar_reminder_1h',
    name: 'Webinar: recordatorio 1 hora antes',
    templateKey: 'webinar_reminder_1h',
    trigger: 'before_start',
    offsetAmount: 1,
    offsetUnit: 'hours',
    audience: 'confirmed',
    scope: 'all_webinars',
    timing: 'item',
  },
  {
    key: 'webinar_access_15m',
    name: 'Webinar: enlace de acceso 15 minutos antes',
    templateKey: 'webinar_access_15m',
    trigger: 'before_start',
    offsetAmount: 15,
    offsetUnit: 'minutes',
    audience: 'confirmed',
    scope: 'all_webinars',
    timing: 'item',
    sendLateUntilStart: true,
  },
  {
    key: 'course_session_reminder_24h',
    name: 'Curso: recordatorio 24 horas antes de cada sesión',
    templateKey: 'course_session_reminder_24h',
    trigger: 'before_start',
    offsetAmount: 24,
    offsetUnit: 'hours',
    audience: 'confirmed',
    scope: 'all_courses',
    timing: 'each_session',
  },
  {
    key: 'course_session_reminder_1h',
    name: 'Curso: recordatorio 1 hora antes de cada sesión',
    templateKey: 'course_session_reminder_1h',
    trigger: 'before_start',
    offsetAmount: 1,
    offsetUnit: 'hours',
    audience: 'confirmed',
    scope: 'all_courses',
    timing: 'each_session',
  },
  {
    key: 'course_session_access_15m',
    name: 'Curso: enlace de la sesión 15 minutos antes (en línea)',
    templateKey: 'course_session_access_15m',
    trigger: 'before_start',
    offsetAmount: 15,
    offsetUnit: 'minutes',
    audience: 'confirmed',
    scope: 'all_courses',
    timing: 'each_session',
    onlineOnly: true,
    sendLateUntilStart: true,
  },
  // After the item, to attendees / no-shows: sent by the follow-up workflow (src/automation/rules/followUpRules.ts).
  ...STOCK_FOLLOW_UP_RULES,
]

/** Stock keys whose rows the planner owns (rows queued before the upgrade have no `rule` and are told apart by template). */
export const PLANNED_STOCK_TEMPLATES: EmailTemplateKey[] = [
  'webinar_reminder_24h',
  'webinar_reminder_1h',
  'webinar_access_15m',
  'course_session_reminder_24h',
  'course_session_reminder_1h',
  'course_session_access_15m',
]
