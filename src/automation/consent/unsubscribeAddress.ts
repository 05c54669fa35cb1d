import { sql } from '@payloadcms/db-postgres/drizzle'
import type { PayloadRequest } from 'payload'

import { drizzleFor, rowsOf } from '../../email/database'
import { inTransaction } from '../../enrollment/transaction'
import { suppress } from './suppression'
import type { UnsubscribeTarget } from './unsubscribe'
import { withdrawConsentForAddress } from './withdrawConsent'

/**
 * What following an unsubscribe link does, in one transaction: the address goes on the suppression list
 * (every later campaign skips it), consent is withdrawn on its users and leads, and the campaign it came
 * from counts one more unsubscribe. Idempotent: a second call (a replayed POST, a second click) finds the
 * address suppressed and counts nothing.
 */
export async function unsubscribeAddress(req: PayloadRequest, { email, campaignId }: UnsubscribeTarget): Promise<{ added: boolean }> {
  return inTransaction(req, async () => {
    const db = await drizzleFor(req)
    const campaign = campaignId ? await existingCampaign(req, campaignId) : null
    const result = await suppress(req, email, 'unsubscribed', campaign)
    await withdrawConsentForAddress(req, email)
    if (result.added && campaign) {
      await db.execute(sql`UPDATE campaigns SET unsubscribed = coalesce(unsubscribed, 0) + 1 WHERE id = ${campaign}`)
    }
    return result
  })
}

/** A campaign deleted since the email went out still lets the person leave; the row just names no campaign. */
async function existingCampaign(req: PayloadRequest, campaignId: number): Promise<number | null> {
  const db = await drizzleFor(req)
  const rows = rowsOf<{ id: number }>(await db.execute(sql`SELECT id FROM campaigns WHERE id = ${campaignId}`))
  return rows.length ? campaignId : null
}
