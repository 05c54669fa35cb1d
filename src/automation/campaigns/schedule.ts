import { sql } from '@payloadcms/db-postgres/drizzle'
import { APIError, type PayloadRequest, ValidationError } from 'payload'

import { recordRawUpdate } from '../../audit/rawWrites'
import { drizzleFor, rowsOf } from '../../email/database'
import { say } from '../../i18n/say'
import { getClock } from '../../utilities/clock'
import { contentProblems, type Problem } from './content'
import { readSegment } from './readSegment'
import { countSegment } from './segment'
import type { CampaignContent, SegmentCount } from './types'

/** A send time typed a moment ago ("now") is still fine; anything older was a mistake. */
const PAST_TOLERANCE_MS = 5 * 60 * 1000

type SchedulableCampaign = CampaignContent & { status?: string | null; sendAt?: string | null; segment?: unknown }

/**
 * draft → scheduled, once the content is complete, the segment reaches someone and the send time is
 * now or later (empty = now). The status moves by a conditional UPDATE, so two clicks, or a click
 * racing a cancel, schedule once; the sender (F) starts it when `sendAt` comes.
 */
export async function scheduleCampaign(
  req: PayloadRequest,
  campaign: SchedulableCampaign,
): Promise<{ status: 'scheduled'; sendAt: string; audience: SegmentCount }> {
  if (campaign.status !== 'draft') throw notADraft(req)
  const problems: Problem[] = contentProblems(req, campaign)
  const now = getClock(req.payload).now()
  const sendAt = campaign.sendAt ? new Date(campaign.sendAt) : now
  if (sendAt.getTime() < now.getTime() - PAST_TOLERANCE_MS)
    problems.push({ path: 'sendAt', message: say(req, { es: 'La fecha de envío ya pasó: elige una futura o déjala vacía para enviar ya.', en: 'The send time has passed: choose a later one, or leave it empty to send now.' }) })
  const audience = await countSegment(req, readSegment(req, campaign.segment))
  if (audience.reachable === 0)
    problems.push({ path: 'segment', message: say(req, { es: 'Ninguna persona del segmento puede recibir la campaña (sin consentimiento o dadas de baja).', en: 'Nobody in the segment can get the campaign (no consent or unsubscribed).' }) })
  if (problems.length) throw new ValidationError({ errors: problems })

  const db = await drizzleFor(req)
  const moved = rowsOf<{ id: number }>(
    await db.execute(sql`
      UPDATE campaigns SET status = 'scheduled', send_at = ${sendAt}, recipients = ${audience.reachable}, updated_at = ${now}
       WHERE id = ${campaign.id} AND status = 'draft'
      RETURNING id`),
  )
  if (!moved.length) throw notADraft(req)
  // Below the hooks, so logged here, in the caller's transaction (src/audit).
  await recordRawUpdate(req, 'campaigns', campaign.id, { status: 'draft', sendAt: campaign.sendAt ?? null }, { status: 'scheduled', sendAt })
  return { status: 'scheduled', sendAt: sendAt.toISOString(), audience }
}

const notADraft = (req: PayloadRequest) =>
  new APIError(say(req, { es: 'Solo se programa una campaña en borrador.', en: 'Only a draft campaign can be scheduled.' }), 409, undefined, true)
