import { sql } from '@payloadcms/db-postgres/drizzle'
import type { PayloadRequest } from 'payload'

import { drizzleFor, rowsOf } from '../../email/database'
import { getClock } from '../../utilities/clock'

export const SUPPRESSION_REASONS = ['unsubscribed', 'staff'] as const
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number]

export const normalizeAddress = (email: string) => email.trim().toLowerCase()

/** Whether campaigns must skip this address. Transactional mail never asks. */
export async function isSuppressed(req: PayloadRequest, email: string): Promise<boolean> {
  const db = await drizzleFor(req)
  const rows = rowsOf<{ one: number }>(
    await db.execute(sql`SELECT 1 AS one FROM email_suppressions WHERE email = ${normalizeAddress(email)} LIMIT 1`),
  )
  return rows.length > 0
}

/**
 * Puts an address on the list, in the caller's transaction. Idempotent: a second unsubscribe (a replayed
 * one-click POST, a second click) finds the row and changes nothing, and says so (`added: false`), so
 * the caller counts an unsubscribe once per address.
 */
export async function suppress(
  req: PayloadRequest,
  email: string,
  reason: SuppressionReason,
  campaignId?: number | null,
  note?: string,
): Promise<{ added: boolean }> {
  const db = await drizzleFor(req)
  const now = getClock(req.payload).now()
  const inserted = rowsOf<{ id: number }>(
    await db.execute(sql`
      INSERT INTO email_suppressions (email, reason, campaign_id, note, updated_at, created_at)
      VALUES (${normalizeAddress(email)}, ${reason}, ${campaignId ?? null}, ${note ?? null}, ${now}, ${now})
      ON CONFLICT (email) DO NOTHING
      RETURNING id`),
  )
  return { added: inserted.length > 0 }
}
