import type { PayloadRequest } from 'payload'

import { sql, sqlFor } from '../../enrollment/transaction'
import { aboutTheirDocuments } from './notifications'
import { readParentColumns, readTextColumns, scrubRecords, scrubTable } from './scrub'
import { inList, type PersonRecords } from './subject'
import { emailPattern, type ScrubTerm } from './terms'

/**
 * After each record has been erased by its own rule, two passes catch what those rules do not name:
 * 1. every text column of the person's own rows (and their array tables) loses their names, phones
 *    and addresses: free text such as a payment's review reason or a receipt line, staff
 *    notifications and emails about their records, the Stripe events of their payments;
 * 2. every text column of every table loses their addresses (an address is theirs wherever it is:
 *    job inputs, logs, a column added tomorrow). Names are not swept everywhere: another person may
 *    have the same name.
 */
export async function sweepTraces(req: PayloadRequest, records: PersonRecords, terms: ScrubTerm[], pseudonymEmail: string): Promise<number> {
  const db = await sqlFor(req)
  const columns = await readTextColumns(db)
  const parents = await readParentColumns(db)
  const own: [string, ReturnType<typeof sql>][] = [
    ['users', sql`id = ${records.userId}`],
    ['leads', sql`id IN (${inList(records.leadIds)})`],
    ['enrollments', sql`id IN (${inList(records.enrollmentIds)})`],
    ['bookings', sql`id IN (${inList(records.bookingIds)})`],
    ['payments', sql`id IN (${inList(records.paymentIds)})`],
    ['receipts', sql`id IN (${inList(records.receiptIds)})`],
    ['certificates', sql`id IN (${inList(records.certificateIds)})`],
    ['attendance', sql`id IN (${inList(records.attendanceIds)})`],
    ['stripe_events', sql`payment_id IN (${inList(records.paymentIds)})`],
    ['email_log', sql`id IN (${inList(records.emailLogIds)}) OR id IN (SELECT parent_id FROM email_log_rels WHERE ${relatedToThem(records)})`],
    ['notifications', aboutTheirDocuments(records, 'document_collection', 'document_id')],
    ['audit_log', sql`person_id = ${records.userId} OR ${aboutTheirDocuments(records, 'collection_slug', 'document_id')}`],
  ]
  let written = 0
  for (const [table, where] of own) if (columns.has(table)) written += await scrubRecords(db, columns, parents, table, terms, where)
  const addresses = records.traces.emails.map((email) => ({ pattern: emailPattern(email), replacement: pseudonymEmail }))
  for (const table of columns.keys()) written += await scrubTable(db, columns, table, addresses)
  return written
}

/** email_log_rels rows pointing at any of the person's documents (the relationship columns that exist). */
function relatedToThem(records: PersonRecords) {
  return sql`users_id = ${records.userId} OR enrollments_id IN (${inList(records.enrollmentIds)}) OR payments_id IN (${inList(records.paymentIds)}) OR leads_id IN (${inList(records.leadIds)})`
}
