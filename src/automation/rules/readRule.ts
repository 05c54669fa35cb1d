import { isEmailTemplateKey } from '../../email/templateVariables'
import {
  ENROLLMENT_EVENTS,
  type EmailRule,
  OFFSET_UNITS,
  RULE_AUDIENCES,
  RULE_SCOPES,
  RULE_TIMINGS,
  RULE_TRIGGERS,
} from './types'

const idOf = (value: unknown): number => (typeof value === 'object' && value ? Number((value as { id: unknown }).id) : Number(value))

const oneOf = <T extends string>(allowed: readonly T[], value: unknown, fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback

/** An `email-rules` document (any depth) as the planner reads it; quiet hours only when switched on and complete. */
export function readRule(doc: Record<string, any>): EmailRule {
  const trigger = oneOf(RULE_TRIGGERS, doc.trigger, 'before_start')
  const quiet = doc.quietHours as { enabled?: boolean; from?: string | null; until?: string | null } | null | undefined
  return {
    id: Number(doc.id),
    name: String(doc.name ?? ''),
    key: doc.key ? String(doc.key) : null,
    active: doc.active !== false,
    templateKey: isEmailTemplateKey(doc.templateKey) ? doc.templateKey : 'webinar_reminder_24h',
    trigger,
    offsetAmount: Number(doc.offsetAmount ?? 0),
    offsetUnit: oneOf(OFFSET_UNITS, doc.offsetUnit, 'hours'),
    enrollmentEvent: trigger === 'enrollment_change' ? oneOf(ENROLLMENT_EVENTS, doc.enrollmentEvent, 'confirmed') : null,
    audience: oneOf(RULE_AUDIENCES, doc.audience, 'confirmed'),
    scope: oneOf(RULE_SCOPES, doc.scope, 'all_webinars'),
    categoryIds: doc.scope === 'categories' ? ((doc.categories ?? []) as unknown[]).map(idOf).filter(Number.isFinite) : [],
    items:
      doc.scope === 'items'
        ? ((doc.items ?? []) as { relationTo: 'webinars' | 'courses'; value: unknown }[])
            .filter((each) => each && (each.relationTo === 'webinars' || each.relationTo === 'courses'))
            .map((each) => ({ relationTo: each.relationTo, id: idOf(each.value) }))
        : [],
    timing: oneOf(RULE_TIMINGS, doc.timing, 'item'),
    onlineOnly: Boolean(doc.onlineOnly),
    sendLateUntilStart: trigger === 'before_start' && Boolean(doc.sendLateUntilStart),
    quietHours: quiet?.enabled && quiet.from && quiet.until ? { from: quiet.from, until: quiet.until } : null,
  }
}

const MINUTE = 60_000
const UNIT_MS = { minutes: MINUTE, hours: 60 * MINUTE, days: 24 * 60 * MINUTE } as const

/** The rule's offset in milliseconds (always ≥ 0; the trigger says before or after). */
export const offsetMs = (rule: Pick<EmailRule, 'offsetAmount' | 'offsetUnit'>) => rule.offsetAmount * UNIT_MS[rule.offsetUnit]
