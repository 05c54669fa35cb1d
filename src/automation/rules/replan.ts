import { sql, type SQL } from '@payloadcms/db-postgres/drizzle'
import type { PayloadRequest } from 'payload'

import { drizzleFor, rowsOf } from '../../email/database'
import { enrollmentMessage } from '../../enrollment/notify/enrollmentMessage'
import { inTransaction } from '../../enrollment/transaction'
import { getClock } from '../../utilities/clock'
import { loadActiveRules } from './activeRules'
import { replanEnrollmentEmails } from './plan'
import { cancelRuleEmailsBatch, releaseRuleKeys } from './replanCancel'
import { REPLAN_BATCH_SIZE, type ReplanJobInput, queueReplan } from './replanJob'
import { coveredByAny, stillAhead } from './replanScope'

export interface ReplanBatchResult {
  /** Enrollments re-planned, or emails cancelled, in this run. */
  handled: number
  /** Whether another run was queued for the rest. */
  more: boolean
}

/** The statuses whose emails are planned ahead (a cancelled enrollment's were cancelled with it). */
const PLANNED_STATUSES = ['confirmed', 'waitlisted']

/** The next enrollments after the cursor, by id (keyset: each batch costs the same however far it is). */
async function nextEnrollmentIds(req: PayloadRequest, items: SQL, cursor: number, limit: number): Promise<number[]> {
  const db = await drizzleFor(req)
  const rows = rowsOf<{ id: number }>(
    await db.execute(sql`
      SELECT e.id FROM enrollments e
        JOIN enrollments_rels r ON r.parent_id = e.id AND r.path = 'item'
       WHERE e.id > ${cursor}
         AND e.status IN (${sql.join(PLANNED_STATUSES.map((status) => sql`${status}`), sql`, `)})
         AND ${items}
       ORDER BY e.id
       LIMIT ${limit}`),
  )
  return rows.map((row) => Number(row.id))
}

/** Which enrollments a job is about, as a condition on the enrollment's item. */
function itemsOf(req: PayloadRequest, input: ReplanJobInput): SQL {
  if (input.kind === 'item') return input.collection === 'webinars' ? sql`r.webinars_id = ${input.itemId}` : sql`r.courses_id = ${input.itemId}`
  return sql`${coveredByAny(input.scopes ?? [])} AND ${stillAhead(getClock(req.payload).now(), input.afterEndMs ?? 0)}`
}

async function replanEnrollments(req: PayloadRequest, input: ReplanJobInput, ids: number[]): Promise<void> {
  if (input.replaceUnsent && input.ruleId && input.prefix) await releaseRuleKeys(req, input.ruleId, input.prefix, ids)
  const rules = await loadActiveRules(req)
  const { docs } = await req.payload.find({ collection: 'enrollments', where: { id: { in: ids } }, depth: 0, pagination: false, overrideAccess: true, req })
  for (const enrollment of docs) {
    const message = await enrollmentMessage(req, enrollment as Record<string, any>)
    if (message) await replanEnrollmentEmails(req, message, { rules })
  }
}

/**
 * One run of the re-planning job: one batch in one transaction, and the next run queued in that
 * same transaction with the cursor moved on, so a failed batch is retried whole and nothing is skipped.
 * Re-planning is safe to repeat: emails keep their dedupe keys, and a sent one is never sent again.
 */
export async function runReplanBatch(req: PayloadRequest, input: ReplanJobInput): Promise<ReplanBatchResult> {
  const batchSize = Math.min(Math.max(Math.trunc(input.batchSize ?? REPLAN_BATCH_SIZE), 1), 1000)
  return inTransaction(req, async () => {
    if (input.kind === 'cancel') {
      const handled = await cancelRuleEmailsBatch(req, input.ruleId ?? 0, input.prefix ?? `rule-${input.ruleId}`, 'the email rule was switched off or deleted', batchSize)
      const more = handled === batchSize
      if (more) await queueReplan(req, { ...input, batchSize })
      return { handled, more }
    }
    const ids = await nextEnrollmentIds(req, itemsOf(req, input), input.cursor ?? 0, batchSize)
    await replanEnrollments(req, input, ids)
    const more = ids.length === batchSize
    if (more) await queueReplan(req, { ...input, batchSize, cursor: ids[ids.length - 1] })
    return { handled: ids.length, more }
  })
}
