import type { PayloadRequest } from 'payload'

import type { ItemCollection } from '../../enrollment/statuses'
import { DEFAULT_FOLLOW_UP_DELAY_HOURS } from '../../followUps/states'
import { isTimeZone } from '../../utilities/isoCodes'
import { loadActiveRules, rulesForItem, ruleTargetOf } from './activeRules'
import type { StockRule } from './stockRules'
import { dedupePrefixOf, type EmailRule } from './types'

/**
 * The follow-ups as email rules (docs/automation.md, "Seguimientos y cambios de inscripción").
 * Rules sent after the item with audience `attended` or `no_shows` are "follow-up rules": they need
 * attendance, so the follow-up workflow (src/followUps: due moment, hold until attendance is recorded,
 * release, batches) sends them, never the planner. The two stock ones keep the dedupe key
 * `followup:<enrollment>` and their moment is each item's `followUpDelayHours`; their own offset only
 * documents the default. Staff's own follow-up rules use their own offset from the item's start or end.
 */
export const STOCK_FOLLOW_UP_KEYS = { attended: 'followup_attended', no_shows: 'followup_missed' } as const

/** The two stock follow-up rules, in the shape the seeder writes (src/automation/rules/stockRules.ts). */
export const STOCK_FOLLOW_UP_RULES: StockRule[] = [
  {
    key: STOCK_FOLLOW_UP_KEYS.attended,
    name: 'Seguimiento a los asistentes (gracias, grabación, materiales y opinión)',
    templateKey: 'followup_attended',
    trigger: 'after_end',
    offsetAmount: DEFAULT_FOLLOW_UP_DELAY_HOURS,
    offsetUnit: 'hours',
    audience: 'attended',
    scope: 'all_items',
    timing: 'item',
  },
  {
    key: STOCK_FOLLOW_UP_KEYS.no_shows,
    name: 'Seguimiento a quienes no asistieron (grabación y materiales)',
    templateKey: 'followup_missed',
    trigger: 'after_end',
    offsetAmount: DEFAULT_FOLLOW_UP_DELAY_HOURS,
    offsetUnit: 'hours',
    audience: 'no_shows',
    scope: 'all_items',
    timing: 'item',
  },
]

const FOLLOW_UP_TRIGGERS = ['after_start', 'after_end'] as const
/** The two stock follow-ups: their moment is the item's `followUp.dueAt` (end + `followUpDelayHours`), not their offset. */
export const isStockFollowUp = (rule: Pick<EmailRule, 'key'>) => rule.key === STOCK_FOLLOW_UP_KEYS.attended || rule.key === STOCK_FOLLOW_UP_KEYS.no_shows

/** Sent by the follow-up workflow rather than planned ahead: after the item, to attendees or no-shows. */
export const isFollowUpRule = (rule: Pick<EmailRule, 'trigger' | 'audience' | 'key'>) =>
  isStockFollowUp(rule) || ((FOLLOW_UP_TRIGGERS as readonly string[]).includes(rule.trigger) && (rule.audience === 'attended' || rule.audience === 'no_shows'))

export interface ItemFollowUpRules {
  /** The stock rule for attendees, when active and not switched off for this item. */
  attended: EmailRule | null
  /** The stock rule for the confirmed who did not come. */
  missed: EmailRule | null
  /** Staff's own follow-up rules for this item. */
  own: EmailRule[]
}

/** Which follow-up rules apply to one item now (one query for the rules, one for the item's category and switches). */
export async function followUpRulesOf(req: PayloadRequest, collection: ItemCollection, item: Record<string, unknown>): Promise<ItemFollowUpRules> {
  const rules = rulesForItem((await loadActiveRules(req)).filter(isFollowUpRule), ruleTargetOf(collection, item))
  return {
    attended: rules.find((rule) => rule.key === STOCK_FOLLOW_UP_KEYS.attended) ?? null,
    missed: rules.find((rule) => rule.key === STOCK_FOLLOW_UP_KEYS.no_shows) ?? null,
    own: rules.filter((rule) => !isStockFollowUp(rule)),
  }
}

/** A staff follow-up rule's key for one person: the moment it counts from is part of it, never the offset (an edited offset does not resend). */
export const ownFollowUpDedupeKey = (rule: EmailRule, enrollmentId: number, anchor: Date) => `${dedupePrefixOf(rule)}:${enrollmentId}:${anchor.toISOString()}`

/** Where quiet hours are read: the person's own zone, else the item's, else the business's. */
export function recipientTimeZone(user: { timezone?: unknown } | null | undefined, itemZone: unknown, businessZone: string): string {
  for (const zone of [user?.timezone, itemZone]) {
    if (isTimeZone(zone)) return zone
  }
  return businessZone
}
