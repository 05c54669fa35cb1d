import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { offsetMs, readRule } from '../../../automation/rules/readRule'
import { queueReplan } from '../../../automation/rules/replanJob'
import { scopeOf } from '../../../automation/rules/replanScope'
import { dedupePrefixOf, type EmailRule } from '../../../automation/rules/types'

const plansAhead = (rule: EmailRule) => rule.active && rule.trigger !== 'enrollment_change'
const afterEnd = (rule: EmailRule) => (rule.trigger.startsWith('after_') ? offsetMs(rule) : 0)

/** What decides when a rule's email goes out (the planner re-times an unsent row under the same key). */
const momentOf = (rule: EmailRule) => JSON.stringify([rule.trigger, rule.offsetAmount, rule.offsetUnit, rule.timing, rule.quietHours])
/** What decides who gets the rule's email at all. */
const reachOf = (rule: EmailRule) => JSON.stringify([rule.audience, rule.scope, rule.categoryIds, rule.items, rule.onlineOnly, rule.sendLateUntilStart])

/**
 * A rule added, edited or switched on re-plans the unsent emails of every enrollment it may touch;
 * a rule switched off cancels its queued emails. Both in the job queue, in batches (an item with
 * 5,000 people is never one request); a change to the name alone re-plans nothing.
 */
export const queueReplanOnRuleChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  const rule = readRule(doc)
  const before = operation === 'update' && previousDoc?.id ? readRule(previousDoc) : null
  const prefix = dedupePrefixOf(rule)
  if (before?.active && !rule.active) {
    await queueReplan(req, { kind: 'cancel', ruleId: rule.id, prefix })
    return doc
  }
  if (!plansAhead(rule) && !(before && plansAhead(before))) return doc
  const switchedOn = Boolean(before && !before.active && rule.active)
  // Another email under the same key: its unsent rows are replaced, not only re-timed.
  const replaceUnsent = Boolean(before && before.templateKey !== rule.templateKey)
  if (before && !switchedOn && !replaceUnsent && momentOf(before) === momentOf(rule) && reachOf(before) === reachOf(rule)) return doc
  const versions = before ? [before, rule] : [rule]
  await queueReplan(req, {
    kind: 'rule',
    ruleId: rule.id,
    prefix,
    scopes: versions.map(scopeOf),
    afterEndMs: Math.max(...versions.map(afterEnd)),
    replaceUnsent,
  })
  return doc
}

/** A deleted rule's queued emails are cancelled (the send-time guard also refuses them meanwhile). */
export const queueReplanOnRuleDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  const rule = readRule(doc)
  await queueReplan(req, { kind: 'cancel', ruleId: rule.id, prefix: dedupePrefixOf(rule) })
  return doc
}
