import type { PayloadRequest } from 'payload'

import { type CourseSession, findSession, isOnline, sessionsOf } from '../../courses/sessions'
import type { GuardVerdict } from '../../email/guards'
import { sessionVariables } from '../../enrollment/notify/sessionVariables'
import type { EmailLog } from '../../payload-types'
import { getClock } from '../../utilities/clock'
import { rulesForItem, ruleTargetOf } from './activeRules'
import { enrollmentChangeVerdict } from './enrollmentChange'
import { fitsAudience, isPlannedRule } from './instances'
import { readRule } from './readRule'
import { PLANNED_STOCK_TEMPLATES } from './stockRules'
import type { EmailRule } from './types'

const idOf = (value: unknown): number => (typeof value === 'object' && value ? Number((value as { id: unknown }).id) : Number(value))
const common = (req: PayloadRequest) => ({ depth: 0, overrideAccess: true, req, disableErrors: true }) as const

type Found = { rule: EmailRule } | { gone: true } | null

/** The rule behind a row: its `rule` link, else its key's prefix (a deleted custom rule's `rule-<id>`, a stock reminder queued before rules existed). */
async function ruleOfRow(req: PayloadRequest, log: EmailLog): Promise<Found> {
  const byId = async (id: number): Promise<Found> => {
    const doc = await req.payload.findByID({ collection: 'email-rules', id, ...common(req) })
    return doc ? { rule: readRule(doc) } : { gone: true }
  }
  if (log.rule) return byId(idOf(log.rule))
  const prefix = String(log.dedupeKey).split(':')[0]
  const custom = /^rule-(\d+)$/.exec(prefix)
  if (custom) return byId(Number(custom[1]))
  if (!PLANNED_STOCK_TEMPLATES.includes(prefix as never) || log.templateKey !== prefix) return null
  const { docs } = await req.payload.find({ collection: 'email-rules', where: { key: { equals: prefix } }, limit: 1, pagination: false, depth: 0, overrideAccess: true, req })
  return docs[0] ? { rule: readRule(docs[0]) } : { gone: true }
}

const refuse = (reason: string): GuardVerdict => ({ send: false, reason })

/**
 * The send-time check of an email a rule planned, however long ago: the rule still exists, is on,
 * covers the item and is not switched off for it; the person is still in its audience; the item is
 * not cancelled; the start (or the session) is still the one the row was planned for (its key names
 * it) and, for a "before" email, still ahead. What it says (link, place, title) is read fresh.
 * Returns null for rows no rule planned, and for rules whose emails other modules send (follow-ups,
 * enrollment changes) once the rule itself still holds: their own guard then decides.
 */
export async function ruleGuard({ log, req }: { log: EmailLog; req: PayloadRequest }): Promise<GuardVerdict | null> {
  const found = await ruleOfRow(req, log)
  if (!found) return null
  if ('gone' in found) return refuse('the email rule was deleted')
  const { rule } = found
  if (!rule.active) return refuse('the email rule is switched off')
  const related = log.relatedDocument as { relationTo?: string; value?: unknown } | null | undefined
  if (related?.relationTo !== 'enrollments') return null
  const enrollment = await req.payload.findByID({ collection: 'enrollments', id: idOf(related.value), ...common(req) })
  if (!enrollment) return refuse('the enrollment was deleted')
  const planned = isPlannedRule(rule)
  if (planned && !fitsAudience(rule.audience, enrollment.status))
    return refuse(rule.audience === 'confirmed' ? 'the enrollment is no longer confirmed' : 'the enrollment is no longer in the rule’s audience')
  // An enrollment-change email needs the seat still where the event put it (src/automation/rules/enrollmentChange.ts).
  const changed = rule.trigger === 'enrollment_change' ? enrollmentChangeVerdict(rule, enrollment) : null
  if (changed) return changed
  const ref = enrollment.item as { relationTo: 'webinars' | 'courses'; value: unknown }
  const item = (await req.payload.findByID({ collection: ref.relationTo, id: idOf(ref.value), ...common(req) })) as Record<string, any> | null
  const noun = ref.relationTo === 'webinars' ? 'webinar' : 'course'
  // Follow-up and enrollment-change emails may be about the cancellation itself: their own guard judges the item.
  if (!item) return planned ? refuse(`the ${noun} was cancelled`) : null
  if (planned && item.status === 'cancelled') return refuse(`the ${noun} was cancelled`)
  const target = ruleTargetOf(ref.relationTo, item)
  if (target.emailRulesOff.includes(rule.id)) return refuse('the email rule is switched off for this item')
  if (!rulesForItem([rule], target).length) return refuse('the email rule no longer applies to this item')
  if (!planned) return null
  return rule.timing === 'each_session' ? sessionVerdict(req, rule, item, String(log.dedupeKey), log.locale) : itemVerdict(req, rule, ref.relationTo, item, String(log.dedupeKey))
}

function itemVerdict(req: PayloadRequest, rule: EmailRule, collection: 'webinars' | 'courses', item: Record<string, any>, dedupeKey: string): GuardVerdict {
  const isWebinar = collection === 'webinars'
  const sessions = isWebinar ? [] : sessionsOf(item)
  const startValue = isWebinar ? item.startsAt : (item.startDate ?? sessions[0]?.startsAt)
  if (!startValue) return refuse(`the ${isWebinar ? 'webinar' : 'course'} has no start`)
  const start = new Date(startValue)
  const end = isWebinar ? new Date(start.getTime() + Number(item.durationMinutes ?? 60) * 60_000) : (sessions.at(-1)?.endsAt ?? start)
  const anchor = rule.trigger.endsWith('_start') ? start : end
  const noun = isWebinar ? 'webinar' : 'course'
  if (!dedupeKey.endsWith(`:${anchor.toISOString()}`)) return refuse(`the ${noun} was rescheduled`)
  if (rule.trigger.startsWith('before_') && getClock(req.payload).now() >= anchor)
    return refuse(rule.trigger === 'before_start' ? `the ${noun} has already started` : `the ${noun} has already ended`)
  return { send: true, variables: isWebinar ? { meetingLink: item.meetingLink ?? '', title: item.title } : { title: item.title } }
}

/** `<prefix>:<enrollment>:<session id>:<session start ISO>` read back. */
const plannedSession = (dedupeKey: string) => /^[^:]+:\d+:([^:]+):(\d{4}-.+)$/.exec(dedupeKey)

function sessionVerdict(req: PayloadRequest, rule: EmailRule, course: Record<string, any>, dedupeKey: string, locale: unknown): GuardVerdict {
  const planned = plannedSession(dedupeKey)
  if (!planned) return refuse('the row does not name a session')
  const session: CourseSession | null = findSession(course, planned[1])
  if (!session) return refuse('the session was removed')
  if (session.startsAt.toISOString() !== planned[2]) return refuse('the session was rescheduled')
  const anchor = rule.trigger.endsWith('_start') ? session.startsAt : session.endsAt
  if (rule.trigger.startsWith('before_') && getClock(req.payload).now() >= anchor)
    return refuse(rule.trigger === 'before_start' ? 'the session has already started' : 'the session has already ended')
  if (rule.onlineOnly && !isOnline(session)) return refuse('the session is no longer online')
  const timezone = String(course.timezone || 'America/Lima')
  return { send: true, variables: { title: course.title, timezone, ...sessionVariables(session, timezone, locale) } }
}
