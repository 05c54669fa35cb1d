import { sql } from '@payloadcms/db-postgres/drizzle'
import type { PayloadRequest, Where } from 'payload'

import { drizzleFor, rowsOf } from './database'

/**
 * Cancels the emails matching `where` that have not started sending (e.g. the reminders of a
 * cancelled webinar). Rows already `sending` or `sent` are left alone: the final UPDATE re-checks
 * the status, so a worker that claimed one a moment ago is never overruled.
 */
export async function cancelQueuedEmails(req: PayloadRequest, where: Where, reason = 'cancelled'): Promise<number> {
  const matching = await req.payload.find({
    collection: 'email-log',
    where: { and: [where, { status: { equals: 'queued' } }] },
    select: {},
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const ids = matching.docs.map((doc) => Number(doc.id))
  if (!ids.length) return 0
  const db = await drizzleFor(req)
  const cancelled = rowsOf<{ id: number }>(
    await db.execute(sql`
      UPDATE email_log SET status = 'cancelled', last_error = ${reason}, updated_at = now()
       WHERE id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) AND status = 'queued'
      RETURNING id`),
  )
  return cancelled.length
}
