import { sql } from '@payloadcms/db-postgres/drizzle'
import type { Payload, PayloadRequest } from 'payload'

import { drizzleFor, rowsOf } from '../email/database'
import { getClock } from '../utilities/clock'

/** How many of this user's notifications are unread (the bell's badge). */
export async function unreadCount(payload: Payload, userId: number): Promise<number> {
  const { totalDocs } = await payload.count({
    collection: 'notifications',
    where: { and: [{ recipient: { equals: userId } }, { readAt: { exists: false } }] },
    overrideAccess: true,
  })
  return totalDocs
}

/** Marks every unread notification of this user read now (by the app clock); returns how many. One UPDATE. */
export async function markAllRead(req: PayloadRequest, userId: number): Promise<number> {
  const db = await drizzleFor(req)
  const now = getClock(req.payload).now()
  const updated = rowsOf<{ id: number }>(
    await db.execute(sql`UPDATE notifications SET read_at = ${now}, updated_at = ${now} WHERE recipient_id = ${userId} AND read_at IS NULL RETURNING id`),
  )
  return updated.length
}
