import type { PayloadRequest } from 'payload'

import { hasFreeSeat, lockAnyItem } from './items'
import type { ItemCollection } from './statuses'
import { sql, sqlFor } from './transaction'

/**
 * Gives free seats to waitlisted people, oldest registration first, while the item has room.
 * Runs inside the transaction that freed the seat (or raised the capacity), with the item row
 * locked, so nobody can slip in between. Each promotion is an ordinary status update: the
 * enrollments hooks count the seat and queue the "you got a seat" email.
 */
export async function promoteWaitlist(req: PayloadRequest, collection: ItemCollection, itemId: number): Promise<number[]> {
  const promoted: number[] = []
  const db = await sqlFor(req)
  for (;;) {
    const item = await lockAnyItem(req, collection, itemId)
    if (!item || !hasFreeSeat(item) || item.status === 'cancelled') break
    const { rows } = await db.execute(sql`
      SELECT e.id, e.payment_status FROM enrollments e
        JOIN enrollments_rels r ON r.parent_id = e.id AND r.path = 'item'
       WHERE e.status = 'waitlisted'
         AND ${collection === 'webinars' ? sql`r.webinars_id` : sql`r.courses_id`} = ${itemId}
       ORDER BY e.created_at, e.id
       LIMIT 1`)
    if (!rows[0]) break
    const id = Number(rows[0].id)
    await req.payload.update({
      collection: 'enrollments',
      id,
      req,
      overrideAccess: true,
      depth: 0,
      // A seat frozen at no charge (a 100% coupon) needs no payment either.
      data: { status: item.price.tier === 'free' || rows[0].payment_status === 'not_required' ? 'confirmed' : 'pending_payment' },
    })
    promoted.push(id)
  }
  return promoted
}
