import type { PayloadRequest } from 'payload'

import { getClock } from '../utilities/clock'
import { itemOf } from './cancel'
import { hasFreeSeat, lockAnyItem } from './items'
import { holdsSeat } from './statuses'
import { inTransaction, sql, sqlFor } from './transaction'

/**
 * Gives a seat back to an ended enrollment whose money arrived late (its payment hold had expired).
 * Succeeds only if the item still takes people, has a free seat, and the person has not registered
 * again meanwhile; the status update then runs the usual seat rules. Returns whether it was confirmed.
 */
export async function reinstate(req: PayloadRequest, id: number): Promise<boolean> {
  return inTransaction(req, async () => {
    const ref = await itemOf(req, id)
    if (!ref) return false
    const item = await lockAnyItem(req, ref.collection, ref.id)
    if (!item || ['cancelled', 'completed', 'draft'].includes(item.status)) return false
    if (item.startsAt && getClock(req.payload).now() >= item.startsAt) return false
    const db = await sqlFor(req)
    const { rows } = await db.execute(sql`SELECT status, user_id FROM enrollments WHERE id = ${id} FOR UPDATE`)
    if (!rows[0]) return false
    if (holdsSeat(String(rows[0].status))) return true
    const activeKey = `${ref.collection}:${ref.id}:${rows[0].user_id}`
    const { rows: other } = await db.execute(sql`SELECT id FROM enrollments WHERE active_key = ${activeKey} LIMIT 1`)
    if (other[0] || !hasFreeSeat(item)) return false
    await req.payload.update({
      collection: 'enrollments',
      id,
      req,
      overrideAccess: true,
      depth: 0,
      data: { status: 'confirmed', paymentStatus: 'paid', cancelledAt: null, cancellationReason: null },
    })
    return true
  })
}
