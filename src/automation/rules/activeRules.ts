import type { PayloadRequest } from 'payload'

import { readRule } from './readRule'
import type { EmailRule } from './types'

/** Every active email rule, in one query (a few dozen rows at most: staff write them by hand). */
export async function loadActiveRules(req: PayloadRequest): Promise<EmailRule[]> {
  const { docs } = await req.payload.find({
    collection: 'email-rules',
    where: { active: { equals: true } },
    depth: 0,
    limit: 1000,
    pagination: false,
    sort: 'id',
    overrideAccess: true,
    req,
  })
  return docs.map((doc) => readRule(doc as Record<string, any>))
}

export interface RuleTarget {
  collection: 'webinars' | 'courses'
  id: number
  categoryIds: number[]
  /** The item's `emailRulesOff`: rules staff switched off for this one item. */
  emailRulesOff: number[]
}

/** Whether a rule's scope covers the item (activity and the item's own switch aside). */
export function ruleCoversItem(rule: EmailRule, item: Omit<RuleTarget, 'emailRulesOff'>): boolean {
  switch (rule.scope) {
    case 'all_webinars':
      return item.collection === 'webinars'
    case 'all_courses':
      return item.collection === 'courses'
    case 'all_items':
      return true
    case 'categories':
      return item.categoryIds.some((id) => rule.categoryIds.includes(id))
    case 'items':
      return rule.items.some((each) => each.relationTo === item.collection && each.id === item.id)
  }
}

/** The active rules that apply to one item: in its scope, not switched off for it; session rules only for courses. */
export function rulesForItem(rules: EmailRule[], item: RuleTarget): EmailRule[] {
  return rules.filter(
    (rule) =>
      rule.active &&
      !item.emailRulesOff.includes(rule.id) &&
      ruleCoversItem(rule, item) &&
      (rule.timing !== 'each_session' || rule.trigger === 'enrollment_change' || item.collection === 'courses'),
  )
}

const idOf = (value: unknown): number => (typeof value === 'object' && value ? Number((value as { id: unknown }).id) : Number(value))

/** A webinar or course document as a rule target. */
export const ruleTargetOf = (collection: 'webinars' | 'courses', item: Record<string, any>): RuleTarget => ({
  collection,
  id: Number(item.id),
  categoryIds: item.category ? [idOf(item.category)] : [],
  emailRulesOff: ((item.emailRulesOff ?? []) as unknown[]).map(idOf).filter(Number.isFinite),
})
