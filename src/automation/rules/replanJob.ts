import type { PayloadRequest } from 'payload'

import type { ItemCollection } from '../../enrollment/statuses'
import type { ScopeSnapshot } from './replanScope'

export const REPLAN_TASK = 'replanRuleEmails'
/** Enrollments re-planned per transaction (one job run): 5,000 people are 25 short jobs, never one request. */
export const REPLAN_BATCH_SIZE = 200

/**
 * One run of the re-planning job (src/jobs/replanRuleEmails.ts). Each run handles one batch and
 * queues the next with `cursor` (the last enrollment or email-log id it handled).
 * - `rule`: a rule was added, edited or switched back on: its items' enrollments are re-planned.
 * - `cancel`: a rule was deleted or switched off: its queued emails are cancelled.
 * - `item`: an item's `emailRulesOff` changed: that item's enrollments are re-planned.
 */
export interface ReplanJobInput {
  kind: 'rule' | 'cancel' | 'item'
  ruleId?: number
  /** The rule's dedupe prefix (`rule-<id>` or a stock key): still known after the rule is deleted. */
  prefix?: string
  /** The rule's scope before and after the change: an item that left the scope still has emails to cancel. */
  scopes?: ScopeSnapshot[]
  /** The largest "after" offset of the rule's versions: how long after an item's end its emails may still be ahead. */
  afterEndMs?: number
  /** The rule's template changed: its unsent rows are replaced by freshly planned ones (a moment alone is re-timed by the planner). */
  replaceUnsent?: boolean
  collection?: ItemCollection
  itemId?: number
  cursor?: number
  batchSize?: number
}

/** Queued in the caller's transaction: a rolled-back rule change re-plans nothing. */
export async function queueReplan(req: PayloadRequest, input: ReplanJobInput): Promise<void> {
  const batchSize = Number(req.context?.replanBatchSize)
  const withBatch = Number.isInteger(batchSize) && batchSize > 0 ? { ...input, batchSize } : input
  await req.payload.jobs.queue({ task: REPLAN_TASK as never, input: withBatch as never, req })
}
