import { sql } from '@payloadcms/db-postgres/drizzle'
import type { PayloadRequest } from 'payload'

import { poolDrizzle, rowsOf } from '../../email/database'
import type { CampaignContent, CampaignStatus } from './types'

type CampaignDoc = CampaignContent & { segment?: unknown }

const cache = new Map<number, { version: string; doc: CampaignDoc }>()
const MAX_CACHED = 50

/**
 * The campaign as a send needs it, read once per change instead of once per email: its status is read
 * fresh every time (a cancel stops the very next email), its content only when `updated_at` moved.
 */
export async function campaignForSending(req: PayloadRequest, id: number): Promise<{ status: CampaignStatus; doc: CampaignDoc } | null> {
  const [row] = rowsOf<{ status: CampaignStatus; updated_at: Date | string }>(
    await poolDrizzle(req.payload).execute(sql`SELECT status, updated_at FROM campaigns WHERE id = ${id}`),
  )
  if (!row) return null
  const version = new Date(row.updated_at).toISOString()
  const cached = cache.get(id)
  if (cached?.version === version) return { status: row.status, doc: cached.doc }
  const doc = (await req.payload.findByID({ collection: 'campaigns' as never, id, depth: 0, overrideAccess: true, req })) as unknown as CampaignDoc
  if (cache.size >= MAX_CACHED) cache.clear()
  cache.set(id, { version, doc })
  return { status: row.status, doc }
}
