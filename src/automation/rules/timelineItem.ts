import type { PayloadRequest } from 'payload'

import { templateKeyLabels } from '../../collections/EmailTemplates/keyLabels'
import { type CourseSession, isOnline, sessionsOf } from '../../courses/sessions'
import type { ItemCollection } from '../../enrollment/statuses'
import type { EmailTemplateKey } from '../../email/templateVariables'
import { getClock } from '../../utilities/clock'
import { type AdminLanguage, formatWithZone, timeZoneName } from '../../utilities/localTime'
import { rulesForItem, ruleTargetOf } from './activeRules'
import { isStockFollowUp } from './followUpRules'
import { offsetMs, readRule } from './readRule'
import { audienceCounts, type LoggedGroup, loggedRuleEmails } from './timelineRows'
import type { EmailRule } from './types'

export interface EmailPlanRow {
  rule: { id: number; name: string } | null
  templateKey: string
  templateLabel: string
  /** When it goes (or went) out; null for a rule with no fixed moment (an enrollment change). */
  at: string | null
  /** `at` in the item's zone, naming it: "04/12/2026 19:00 (hora de Lima)". */
  atLocal: string
  sessionId: string | null
  sessionName: string | null
  /** How many people get it: those in the rule's audience now while it is ahead, else those it went or goes to. */
  people: number
  sent: number
  queued: number
  cancelled: number
}

export interface ItemEmailPlan {
  collection: ItemCollection
  id: number
  title: string
  timeZone: string
  zoneName: string
  rows: EmailPlanRow[]
}

type Item = Record<string, any>
const MINUTE = 60_000

/** Each moment a rule's email is due for this item: once, or once per session (as the planner's keys name them). */
function momentsOf(rule: EmailRule, collection: ItemCollection, item: Item, sessions: CourseSession[]): { anchor: string; at: Date; session: CourseSession | null }[] {
  if (rule.trigger === 'enrollment_change') return []
  const shift = (base: Date) => new Date(base.getTime() + (rule.trigger.startsWith('before_') ? -1 : 1) * offsetMs(rule))
  const fromEnd = rule.trigger.endsWith('_end')
  if (rule.timing === 'each_session') {
    return sessions
      .filter((session) => !rule.onlineOnly || isOnline(session))
      .map((session) => ({ anchor: `${session.id}:${session.startsAt.toISOString()}`, at: shift(fromEnd ? session.endsAt : session.startsAt), session }))
  }
  // The same start and end as the planner's (src/enrollment/notify/enrollmentMessage.ts).
  const startValue = collection === 'webinars' ? item.startsAt : (item.startDate ?? sessions[0]?.startsAt)
  if (!startValue) return []
  const start = new Date(startValue)
  const end = collection === 'webinars' ? new Date(start.getTime() + Number(item.durationMinutes ?? 60) * MINUTE) : (sessions.at(-1)?.endsAt ?? start)
  // The planner's keys name the start for start triggers and the end for end triggers (src/automation/rules/instances.ts).
  // The stock follow-ups go out at the item's own follow-up time (src/automation/rules/followUpRules.ts).
  const followUpDue = isStockFollowUp(rule) && item.followUp?.dueAt ? new Date(item.followUp.dueAt) : null
  return [{ anchor: (fromEnd ? end : start).toISOString(), at: followUpDue ?? shift(fromEnd ? end : start), session: null }]
}

const tally = (groups: LoggedGroup[]) => ({
  sent: groups.filter((group) => group.status === 'sent').reduce((total, group) => total + group.count, 0),
  queued: groups.filter((group) => group.status === 'queued' || group.status === 'sending').reduce((total, group) => total + group.count, 0),
  cancelled: groups.filter((group) => group.status === 'cancelled' || group.status === 'failed').reduce((total, group) => total + group.count, 0),
})

/**
 * What goes out for one webinar or course, and when: every rule that applies to it at each of its
 * moments (with how many people are in its audience now), beside what the email log holds for it
 * (sent, queued, cancelled), including rows of rules since switched off or moved. Earliest first.
 */
export async function itemEmailPlan(req: PayloadRequest, collection: ItemCollection, item: Item, language: AdminLanguage): Promise<ItemEmailPlan> {
  const { docs } = await req.payload.find({ collection: 'email-rules', depth: 0, limit: 1000, pagination: false, sort: 'id', overrideAccess: true, req })
  const allRules = docs.map((doc) => readRule(doc as Record<string, any>))
  const applicable = rulesForItem(allRules, ruleTargetOf(collection, item))
  const sessions = collection === 'courses' ? sessionsOf(item) : []
  const timeZone = String(item.timezone || 'America/Lima')
  const now = getClock(req.payload).now()
  const stockPrefixes = allRules.filter((rule) => rule.key).map((rule) => rule.key as string)
  const [logged, audiences] = await Promise.all([loggedRuleEmails(req, collection, Number(item.id), stockPrefixes), audienceCounts(req, collection, Number(item.id))])
  const ruleOfGroup = (group: LoggedGroup) => allRules.find((rule) => (group.ruleId != null ? rule.id === group.ruleId : rule.key === group.prefix)) ?? null
  const used = new Set<LoggedGroup>()
  const row = (rule: EmailRule | null, templateKey: string, at: Date | null, session: CourseSession | null, groups: LoggedGroup[], ahead: number | null): EmailPlanRow => {
    groups.forEach((group) => used.add(group))
    const counts = tally(groups)
    return {
      rule: rule ? { id: rule.id, name: rule.name } : null,
      templateKey,
      templateLabel: templateKeyLabels[templateKey as EmailTemplateKey]?.[language] ?? templateKey,
      at: at?.toISOString() ?? null,
      atLocal: at ? formatWithZone(at, timeZone, language) : language === 'en' ? 'When the enrollment changes' : 'Al cambiar la inscripción',
      sessionId: session?.id ?? null,
      sessionName: session ? session.name || (language === 'en' ? `Session ${session.number}` : `Sesión ${session.number}`) : null,
      people: ahead ?? counts.sent + counts.queued,
      ...counts,
    }
  }
  const rows: EmailPlanRow[] = []
  for (const rule of applicable) {
    const moments = momentsOf(rule, collection, item, sessions)
    for (const moment of moments) {
      const groups = logged.filter((group) => ruleOfGroup(group)?.id === rule.id && (group.anchor === moment.anchor || (!group.anchor && moments.length === 1)))
      rows.push(row(rule, rule.templateKey, moment.at, moment.session, groups, moment.at > now ? (audiences[rule.audience] ?? 0) : null))
    }
    if (rule.trigger === 'enrollment_change') rows.push(row(rule, rule.templateKey, null, null, logged.filter((group) => ruleOfGroup(group)?.id === rule.id), null))
  }
  // What the log holds beyond the plan: a rule switched off or deleted, an earlier time of a moved item or session.
  const rest = logged.filter((group) => !used.has(group))
  const restKeys = [...new Set(rest.map((group) => `${group.ruleId ?? group.prefix}|${group.anchor}|${group.templateKey}`))]
  for (const key of restKeys) {
    const groups = rest.filter((group) => `${group.ruleId ?? group.prefix}|${group.anchor}|${group.templateKey}` === key)
    const first = groups.map((group) => group.firstAt).filter((at): at is Date => Boolean(at)).sort((a, b) => a.getTime() - b.getTime())[0] ?? null
    const sessionId = groups[0].anchor.includes(':') && !/^\d{4}-/.test(groups[0].anchor) ? groups[0].anchor.split(':')[0] : null
    rows.push(row(ruleOfGroup(groups[0]), groups[0].templateKey, first, sessions.find((session) => session.id === sessionId) ?? null, groups, null))
  }
  rows.sort((a, b) => (a.at ? new Date(a.at).getTime() : Infinity) - (b.at ? new Date(b.at).getTime() : Infinity))
  return { collection, id: Number(item.id), title: String(item.title ?? ''), timeZone, zoneName: timeZoneName(timeZone), rows }
}
