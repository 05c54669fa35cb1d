import { sql } from '@payloadcms/db-postgres/drizzle'
import { createLocalReq, type Payload } from 'payload'

import { recordRawUpdate } from '../../audit/rawWrites'
import { poolDrizzle, rowsOf } from '../../email/database'
import { getClock } from '../../utilities/clock'
import { queueCampaignBatch } from './queue'
import { readSegment } from './readSegment'
import { countSegment } from './segment'

/**
 * Every minute (the startDueCampaigns job): a scheduled campaign whose time came becomes `sending`, its
 * reachable people are counted into `recipients`, and its first batch is queued. The status change is
 * one conditional UPDATE, so two workers cannot both start a campaign. A campaign already `sending`
 * whose chain of batches broke (a batch that used up its retries) gets a new batch.
 */
export async function queueDueCampaigns(payload: Payload): Promise<number[]> {
  const req = await createLocalReq({}, payload)
  const now = getClock(payload).now()
  const db = poolDrizzle(payload)
  const started = rowsOf<{ id: number }>(
    await db.execute(sql`
      UPDATE campaigns SET status = 'sending', updated_at = ${now}
       WHERE status = 'scheduled' AND (send_at IS NULL OR send_at <= ${now})
      RETURNING id`),
  ).map((row) => Number(row.id))
  for (const id of started) {
    // Below the hooks, so logged here (as the worker's: src/audit/workerActor.ts).
    await recordRawUpdate(req, 'campaigns', id, { status: 'scheduled' }, { status: 'sending' })
    const campaign = await payload.findByID({ collection: 'campaigns' as never, id, depth: 0, overrideAccess: true, req })
    const { reachable } = await countSegment(req, readSegment(req, (campaign as unknown as { segment?: unknown }).segment))
    await db.execute(sql`UPDATE campaigns SET recipients = ${reachable}, sent = 0, failed = 0 WHERE id = ${id}`)
  }
  const sending = rowsOf<{ id: number }>(await db.execute(sql`SELECT id FROM campaigns WHERE status = 'sending'`)).map((row) => Number(row.id))
  for (const id of sending) await queueCampaignBatch(req, id)
  return started
}
