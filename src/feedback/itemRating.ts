import type { PayloadRequest } from 'payload'

import { sql, sqlFor } from '../enrollment/transaction'

export type RatedCollection = 'webinars' | 'courses'

export interface ItemRating {
  /** Mean of the item's ratings, to two decimals; `null` before the first one. */
  ratingAverage: number | null
  ratingCount: number
}

/**
 * Recounts the item's stored `ratingAverage` and `ratingCount` from the enrollments that carry a
 * rating (every rated enrollment of the item, whatever became of it later), in the caller's
 * transaction; the catalog cache notices it through its table trigger.
 *
 * The item's row lock is taken first, in a statement of its own: two people answering at the same
 * moment then recount one after the other, and the second count (READ COMMITTED gives each statement
 * after the lock a fresh snapshot) includes the first one's committed row. `NO KEY UPDATE`, the lock
 * the UPDATE itself takes, leaves alone the key-share locks that enrollments referencing the item hold.
 */
export async function refreshItemRating(req: PayloadRequest, collection: RatedCollection, id: number): Promise<ItemRating> {
  const db = await sqlFor(req)
  await db.execute(sql`SELECT id FROM ${sql.identifier(collection)} WHERE id = ${id} FOR NO KEY UPDATE`)
  const itemColumn = sql.identifier(collection === 'webinars' ? 'webinars_id' : 'courses_id')
  const { rows } = await db.execute(sql`
    UPDATE ${sql.identifier(collection)} AS item
       SET rating_average = ratings.average, rating_count = ratings.count
      FROM (SELECT round(avg(e.feedback_rating), 2) AS average, count(e.feedback_rating) AS count
              FROM enrollments e
              JOIN enrollments_rels r ON r.parent_id = e.id AND r.path = 'item'
             WHERE r.${itemColumn} = ${id}) AS ratings
     WHERE item.id = ${id}
     RETURNING item.rating_average, item.rating_count`)
  const row = rows[0]
  return {
    ratingAverage: row?.rating_average === null || row?.rating_average === undefined ? null : Number(row.rating_average),
    ratingCount: Number(row?.rating_count ?? 0),
  }
}
