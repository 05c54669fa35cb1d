import type { SQL } from '@payloadcms/db-postgres/drizzle'
import type { PayloadRequest } from 'payload'

import { sql, sqlFor } from '../../enrollment/transaction'
import { inList, type PersonRecords } from './subject'

/** Each collection holding the person's records, with their ids: notifications and audit entries point at documents this way. */
export function documentsOf(records: PersonRecords): [string, number[]][] {
  return [
    ['users', records.userId ? [records.userId] : []],
    ['leads', records.leadIds],
    ['enrollments', records.enrollmentIds],
    ['bookings', records.bookingIds],
    ['payments', records.paymentIds],
    ['receipts', records.receiptIds],
    ['certificates', records.certificateIds],
    ['attendance', records.attendanceIds],
    ['email-suppressions', records.suppressionIds],
  ]
}

/** `(<collectionColumn> = 'leads' AND <idColumn> IN ('3','4')) OR …` for the person's documents. */
export function aboutTheirDocuments(records: PersonRecords, collectionColumn: string, idColumn: string): SQL {
  const parts = documentsOf(records)
    .filter(([, ids]) => ids.length)
    .map(([slug, ids]) => sql`(${sql.identifier(collectionColumn)} = ${slug} AND ${sql.identifier(idColumn)} IN (${sql.join(ids.map((id) => sql`${String(id)}`), sql`, `)}))`)
  return parts.length ? sql.join(parts, sql` OR `) : sql`FALSE`
}

/** Their own notifications go; staff notifications about their records are scrubbed later with the other traces. */
export async function deleteTheirNotifications(req: PayloadRequest, records: PersonRecords): Promise<number> {
  if (!records.userId) return 0
  const db = await sqlFor(req)
  const result = await db.execute(sql`DELETE FROM notifications WHERE recipient_id = ${records.userId}`)
  return Number((result as { rowCount?: number }).rowCount ?? 0)
}

/** Exports of their data made earlier: the rows and the zip files in storage. */
export async function deleteTheirExports(req: PayloadRequest, records: PersonRecords): Promise<void> {
  if (!records.userId) return
  await req.payload.delete({ collection: 'privacy-exports' as never, where: { owner: { equals: records.userId } }, overrideAccess: true, depth: 0, req })
}

export { inList }
