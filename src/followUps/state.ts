import type { PayloadRequest } from 'payload'

import type { ItemCollection } from '../enrollment/statuses'
import { sql, sqlFor } from '../enrollment/transaction'
import { getClock } from '../utilities/clock'
import type { FollowUpState } from './states'

export interface StoredFollowUp {
  itemStatus: string
  status: FollowUpState
  dueAt: Date | null
  changedAt: Date | null
  waiting: number | null
  sent: number | null
}

const table = (collection: ItemCollection) => sql.identifier(collection === 'webinars' ? 'webinars' : 'courses')
const dateOrNull = (value: unknown) => (value == null ? null : new Date(value as string))

/** The item's follow-up columns as stored now (null when the item is gone or trashed); `lock` holds the row until the transaction ends. */
export async function readFollowUp(req: PayloadRequest, collection: ItemCollection, itemId: number, { lock = false } = {}): Promise<StoredFollowUp | null> {
  const db = await sqlFor(req)
  const { rows } = await db.execute(sql`
    SELECT status, follow_up_status, follow_up_due_at, follow_up_changed_at, follow_up_waiting, follow_up_sent
      FROM ${table(collection)} WHERE id = ${itemId} AND deleted_at IS NULL ${lock ? sql`FOR UPDATE` : sql``}`)
  const row = rows[0]
  if (!row) return null
  return {
    itemStatus: String(row.status),
    status: (row.follow_up_status as FollowUpState | null) ?? 'scheduled',
    dueAt: dateOrNull(row.follow_up_due_at),
    changedAt: dateOrNull(row.follow_up_changed_at),
    waiting: row.follow_up_waiting == null ? null : Number(row.follow_up_waiting),
    sent: row.follow_up_sent == null ? null : Number(row.follow_up_sent),
  }
}

/**
 * Moves the follow-up from one of `from` to `to`, only if it is still there (a compare-and-set: a release
 * and a job tick cannot both win). Written below Payload's hooks on purpose: this is Aula's bookkeeping,
 * not an edit (no version, no "last edited by", no schedule hooks). Returns whether it moved.
 */
export async function moveFollowUp(
  req: PayloadRequest,
  collection: ItemCollection,
  itemId: number,
  from: FollowUpState[],
  to: FollowUpState,
  counts: { waiting?: number | null; sent?: number | null } = {},
): Promise<boolean> {
  const db = await sqlFor(req)
  const now = getClock(req.payload).now()
  const states = sql.join(from.map((state) => sql`${state}`), sql`, `)
  const { rows } = await db.execute(sql`
    UPDATE ${table(collection)}
       SET follow_up_status = ${to},
           follow_up_changed_at = CASE WHEN COALESCE(follow_up_status::text, 'scheduled') = ${to} THEN follow_up_changed_at ELSE ${now} END,
           follow_up_waiting = ${counts.waiting ?? null},
           follow_up_sent = COALESCE(${counts.sent ?? null}, follow_up_sent)
     WHERE id = ${itemId} AND COALESCE(follow_up_status::text, 'scheduled') IN (${states})
    RETURNING id`)
  return rows.length > 0
}
