import { sql } from '@payloadcms/db-postgres/drizzle'
import type { PayloadRequest } from 'payload'

import { drizzleFor, rowsOf } from '../../email/database'
import { getBusinessSettings } from '../../settings/businessSettings'
import { getClock } from '../../utilities/clock'
import { notSuppressedSql } from '../consent/sql'
import { readSegment } from './readSegment'
import { type SegmentContext, segmentPeopleSql } from './segmentSql'
import type { Segment, SegmentCount, SegmentRecipient } from './types'

/** A read `Segment`, or the `segment` group as a campaign document stores it (ids or populated relations). */
export type SegmentInput = Segment | Record<string, unknown> | null | undefined

type PersonRow = {
  email: string
  first_name: string | null
  last_name: string | null
  language: string | null
  user_id: number | null
  lead_id: number | null
}

const segmentContext = async (req: PayloadRequest): Promise<SegmentContext> => ({
  now: getClock(req.payload).now(),
  timeZone: (await getBusinessSettings(req.payload, req)).timezone,
})

const toRecipient = (row: PersonRow): SegmentRecipient => ({
  email: row.email,
  firstName: row.first_name ?? '',
  lastName: row.last_name ?? '',
  language: row.language === 'en' ? 'en' : 'es',
  ...(row.user_id ? { userId: Number(row.user_id) } : {}),
  ...(row.lead_id ? { leadId: Number(row.lead_id) } : {}),
})

/**
 * The next `limit` people a campaign may write to, in lower(email) order after `afterEmail` (a keyset
 * cursor: the sender passes the last address of the previous page). Only addresses with marketing
 * consent and not suppressed, one row per address. Runs in `req`'s transaction when it has one.
 */
export async function segmentRecipients(
  req: PayloadRequest,
  input: SegmentInput,
  { afterEmail, limit }: { afterEmail?: string; limit: number },
): Promise<SegmentRecipient[]> {
  const segment = readSegment(req, input)
  const db = await drizzleFor(req)
  const context = await segmentContext(req)
  const rows = rowsOf<PersonRow>(
    await db.execute(sql`
      SELECT p.email, p.first_name, p.last_name, p.language, p.user_id, p.lead_id
        FROM (${segmentPeopleSql(segment, context, afterEmail?.toLowerCase())}) AS p
       WHERE p.consent AND ${notSuppressedSql(sql`p.email`)}
       ORDER BY p.email
       LIMIT ${Math.max(1, Math.floor(limit))}`),
  )
  return rows.map(toRecipient)
}

/** How many addresses the segment holds, how many gave consent, how many are suppressed, and who it reaches. One statement. */
export async function countSegment(req: PayloadRequest, input: SegmentInput): Promise<SegmentCount> {
  const segment = readSegment(req, input)
  const context = await segmentContext(req)
  const db = await drizzleFor(req)
  const [row] = rowsOf<Record<keyof SegmentCount, number | string>>(
    await db.execute(sql`
      SELECT count(*) AS total,
             count(*) FILTER (WHERE p.consent) AS "withConsent",
             count(*) FILTER (WHERE p.suppressed) AS suppressed,
             count(*) FILTER (WHERE p.consent AND NOT p.suppressed) AS reachable
        FROM (SELECT people.consent, NOT ${notSuppressedSql(sql`people.email`)} AS suppressed
                FROM (${segmentPeopleSql(segment, context)}) AS people) AS p`),
  )
  return {
    total: Number(row?.total ?? 0),
    withConsent: Number(row?.withConsent ?? 0),
    suppressed: Number(row?.suppressed ?? 0),
    reachable: Number(row?.reachable ?? 0),
  }
}
