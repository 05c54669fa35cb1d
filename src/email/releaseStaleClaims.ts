import { sql } from '@payloadcms/db-postgres/drizzle'
import { createLocalReq, type Payload } from 'payload'

import { getClock } from '../utilities/clock'
import { poolDrizzle, rowsOf } from './database'
import { queueSendJob } from './queueEmail'
import { STALE_CLAIM_MS } from './statuses'

/**
 * A row `sending` for longer than STALE_CLAIM_MS was claimed by a worker that died (its Payload job
 * is stuck `processing` too, so nothing would ever retry it). Put it back in the queue with a new
 * job. If that worker had in fact handed the message to SMTP before dying, it goes out twice, with
 * the same Message-ID: the documented at-least-once window (docs/decisions/0003).
 */
export async function releaseStaleEmailClaims(payload: Payload): Promise<number[]> {
  const now = getClock(payload).now()
  const staleBefore = new Date(now.getTime() - STALE_CLAIM_MS)
  const released = rowsOf<{ id: number }>(
    await poolDrizzle(payload).execute(sql`
      UPDATE email_log
         SET status = 'queued', claimed_at = NULL, updated_at = ${now},
             last_error = 'Released after a worker stopped mid-send'
       WHERE status = 'sending' AND claimed_at < ${staleBefore}
      RETURNING id`),
  ).map((row) => Number(row.id))
  if (released.length) {
    const req = await createLocalReq({}, payload)
    for (const id of released) await queueSendJob(req, id)
    payload.logger.warn({ msg: 'Released stale email claims', ids: released })
  }
  return released
}
