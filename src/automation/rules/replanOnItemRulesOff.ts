import type { CollectionAfterChangeHook } from 'payload'

import type { ItemCollection } from '../../enrollment/statuses'
import { queueReplan } from './replanJob'

const idsOf = (value: unknown): number[] =>
  ((value ?? []) as unknown[])
    .map((each) => (typeof each === 'object' && each ? Number((each as { id: unknown }).id) : Number(each)))
    .filter(Number.isFinite)
    .sort((a, b) => a - b)

/** What decides which rules reach an item, besides the rules themselves: its switched-off rules and its category. */
const rulesReachOf = (doc: Record<string, unknown> | undefined) => JSON.stringify([idsOf(doc?.emailRulesOff), idsOf(doc?.category ? [doc.category] : [])])

/**
 * A rule switched off (or back on) for one webinar or course, or the item moved to another category,
 * re-plans that item's enrollments in the job queue: emails of rules that no longer apply are
 * cancelled, those of rules that now apply are queued (again).
 */
export const replanOnItemRulesOff =
  (collection: ItemCollection): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, operation, req }) => {
    if (operation !== 'update') return doc
    if (rulesReachOf(doc) === rulesReachOf(previousDoc)) return doc
    await queueReplan(req, { kind: 'item', collection, itemId: Number(doc.id) })
    return doc
  }
