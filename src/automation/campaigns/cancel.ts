import { sql } from '@payloadcms/db-postgres/drizzle'
import { APIError, type PayloadRequest } from 'payload'

import { drizzleFor, rowsOf } from '../../email/database'
import { say } from '../../i18n/say'
import { getClock } from '../../utilities/clock'

/**
 * scheduled/sending → cancelled. The sender checks the status before each batch, so no new batch
 * starts; rows already queued and not yet claimed are cancelled here too, in the same transaction,
 * so the emails of the batch in hand stop as well. What went out stays counted.
 */
export async function cancelCampaign(req: PayloadRequest, campaignId: number): Promise<{ status: 'cancelled'; stoppedEmails: number }> {
  const db = await drizzleFor(req)
  const now = getClock(req.payload).now()
  const moved = rowsOf<{ id: number }>(
    await db.execute(sql`
      UPDATE campaigns SET status = 'cancelled', updated_at = ${now}
       WHERE id = ${campaignId} AND status IN ('scheduled', 'sending')
      RETURNING id`),
  )
  if (!moved.length)
    throw new APIError(
      say(req, { es: 'Solo se cancela una campaña programada o enviándose.', en: 'Only a scheduled or sending campaign can be cancelled.' }),
      409,
      undefined,
      true,
    )
  const stopped = rowsOf<{ id: number }>(
    await db.execute(sql`
      UPDATE email_log SET status = 'cancelled', last_error = 'Campaign cancelled', updated_at = ${now}
       WHERE campaign_id = ${campaignId} AND status = 'queued'
      RETURNING id`),
  )
  return { status: 'cancelled', stoppedEmails: stopped.length }
}
