import type { Payload, PayloadRequest } from 'payload'

import { takePrefetchedRulesVersion } from '../../enrollment/registrationPrefetch'
import { sql, sqlFor } from '../../enrollment/transaction'
import { readRule } from './readRule'
import { emailRuleChangesTracked, RULES_VERSION_COLUMNS } from './rulesVersion'
import type { EmailRule } from './types'

const loaded = new WeakMap<Payload, { version: number; rules: EmailRule[] }>()

/**
 * Every active email rule. Every enrollment change plans from them, and they change when staff edit one:
 * each process keeps the last list it read with the rules' version (src/automation/rules/rulesVersion.ts)
 * and reads it again only when the version differs — one indexed read of one row instead of a Payload
 * `find` (its query building and a field traversal per rule) on every registration. A transaction that
 * has changed a rule itself neither takes nor keeps a list: its own changes are not anyone else's yet.
 */
export async function loadActiveRules(req: PayloadRequest): Promise<EmailRule[]> {
  if (!emailRuleChangesTracked(req.payload)) return readActiveRules(req)
  // A registration's item read brought the version already (src/enrollment/registrationPrefetch.ts).
  const { version, own } = takePrefetchedRulesVersion(req) ?? (await readRulesVersion(req))
  if (own) return readActiveRules(req)
  const kept = loaded.get(req.payload)
  if (kept?.version === version) return structuredClone(kept.rules)
  const rules = await readActiveRules(req)
  loaded.set(req.payload, { version, rules })
  return structuredClone(rules)
}

async function readRulesVersion(req: PayloadRequest): Promise<{ version: number; own: boolean }> {
  const db = await sqlFor(req)
  const { rows } = await db.execute(sql`SELECT ${RULES_VERSION_COLUMNS}`)
  return { version: Number(rows[0]!.rules_version), own: rows[0]!.rules_version_own === true }
}

/** Every active email rule, in one query (a few dozen rows at most: staff write them by hand). */
async function readActiveRules(req: PayloadRequest): Promise<EmailRule[]> {
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
