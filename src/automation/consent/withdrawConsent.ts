import { sql } from '@payloadcms/db-postgres/drizzle'
import type { PayloadRequest } from 'payload'

import { drizzleFor } from '../../email/database'
import { getClock } from '../../utilities/clock'
import { normalizeAddress } from './suppression'

/**
 * Takes marketing consent back on every user and lead with this address, in the caller's transaction.
 * Withdrawal is per address (one person may be a user and several leads): saying "no more" once must
 * not leave an older "yes" on another record. Records without consent are left as they are.
 */
export async function withdrawConsentForAddress(req: PayloadRequest, email: string): Promise<void> {
  const db = await drizzleFor(req)
  const address = normalizeAddress(email)
  const now = getClock(req.payload).now()
  for (const table of ['users', 'leads'] as const) {
    await db.execute(sql`
      UPDATE ${sql.raw(table)} SET marketing_consent_granted = false, marketing_consent_withdrawn_at = ${now}
      WHERE lower(email) = ${address} AND marketing_consent_granted = true`)
  }
}
