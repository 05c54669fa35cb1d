import { sql } from '@payloadcms/db-postgres/drizzle'
import { APIError, type PayloadRequest } from 'payload'

import { recordRawUpdate } from '../../audit/rawWrites'
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
  // The self-join reads the row as it was before this update: the audit entry's "from".
  const moved = rowsOf<{ id: number; previous: string }>(
    await db.execute(sql`
      UPDATE campaigns SET status = 'cancelled', updated_at = ${now}
        FROM campaigns AS before
       WHERE campaigns.id = ${campaignId} AND before.id = campaigns.id AND campaigns.status IN ('scheduled', 'sending')
      RETURNING campaigns.id, before.status AS previous`),
  )
  if (!moved.length)
    throw new APIError(
      say(req, { es: 'Solo se cancela una campaña programada o enviándose.', en: 'Only a scheduled or sending campaign can be cancelled.' }),
      409,
      undefined,
      true,
    )
  // Below the hooks, so logged here, in the caller's transaction (src/audit).
  await recordRawUpdate(req, 'campaigns', campaignId, { status: moved[0].previous }, { status: 'cancelled' })
  const stopped = rowsOf<{ id: number }>(
    await db.execute(sql`
      UPDATE email_log SET status = 'cancelled', last_error = 'Campaign cancelled', updated_at = ${now}
       WHERE campaign_id = ${campaignId} AND status = 'queued'
      RETURNING id`),
  )
  return { status: 'cancelled', stoppedEmails: stopped.length }
}
