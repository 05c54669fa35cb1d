import { type ItemFollowUpRules, ownFollowUpDedupeKey } from '../automation/rules/followUpRules'
import { moveOutOfQuietHours } from '../automation/rules/quietHours'
import { offsetMs } from '../automation/rules/readRule'
import type { EmailRule } from '../automation/rules/types'
import type { EmailTemplateKey } from '../email/templateVariables'

export const followUpDedupeKey = (enrollmentId: number) => `followup:${enrollmentId}`

export interface PlannedFollowUp {
  templateKey: EmailTemplateKey
  dedupeKey: string
  /** The rule it comes from (none for the released wording, which stands in for both stock rules). */
  rule: EmailRule | null
  /** Not before (a staff rule's own moment, or out of quiet hours); absent = now. */
  scheduledFor?: Date
}

export interface FollowUpMoment {
  mode: 'split' | 'released'
  now: Date
  /** What staff's own rules count from: the item's start and end. */
  startsAt: Date | null
  endsAt: Date | null
  /** The recipient's zone for quiet hours. */
  timeZone: string
}

const later = (at: Date, rule: EmailRule, moment: FollowUpMoment): Date | undefined => {
  const moved = moveOutOfQuietHours(at, rule.quietHours, moment.timeZone)
  return moved > moment.now ? moved : undefined
}

/**
 * The follow-up emails one confirmed person gets, by the rules on for the item. Stock rules: one
 * email, key `followup:<enrollment>` (whichever wording), now. Released (no attendance recorded): the
 * neutral wording, if at least one stock follow-up rule is on; staff's own rules need attendance, so
 * they send nothing then. Staff's own rules: at their moment (start or end plus offset), never before
 * the follow-up time of the item, since attendance is only known then.
 */
export function followUpEmailsFor(enrollment: { id: number; attended: boolean }, rules: ItemFollowUpRules, moment: FollowUpMoment): PlannedFollowUp[] {
  const key = followUpDedupeKey(enrollment.id)
  if (moment.mode === 'released') return rules.attended || rules.missed ? [{ templateKey: 'followup_released', dedupeKey: key, rule: null }] : []
  const planned: PlannedFollowUp[] = []
  const stock = enrollment.attended ? rules.attended : rules.missed
  if (stock) planned.push({ templateKey: stock.templateKey, dedupeKey: key, rule: stock, scheduledFor: later(moment.now, stock, moment) })
  for (const rule of rules.own) {
    if ((rule.audience === 'attended') !== enrollment.attended) continue
    const anchor = rule.trigger === 'after_start' ? moment.startsAt : moment.endsAt
    if (!anchor) continue
    const due = new Date(Math.max(anchor.getTime() + offsetMs(rule), moment.now.getTime()))
    planned.push({ templateKey: rule.templateKey, dedupeKey: ownFollowUpDedupeKey(rule, enrollment.id, anchor), rule, scheduledFor: later(due, rule, moment) })
  }
  return planned
}
