import { sql } from '@payloadcms/db-postgres/drizzle'
import type { CollectionBeforeDeleteHook } from 'payload'

import { drizzleFor } from '../email/database'

/**
 * A user's notifications are theirs alone and mean nothing without them. Payload's foreign key would set
 * the required `recipient` to null (and fail the delete), so they go first, in the delete's transaction.
 */
export const deleteNotificationsOfUser: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const db = await drizzleFor(req)
  await db.execute(sql`DELETE FROM notifications WHERE recipient_id = ${Number(id)}`)
}
