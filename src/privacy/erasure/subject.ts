import { APIError, type PayloadRequest } from 'payload'

import { sql, sqlFor } from '../../enrollment/transaction'
import { say } from '../../i18n/say'
import type { PersonTraces } from './terms'

/** Whom to erase: a user account, or an address (a lead without an account, a buyer, a recipient). */
export interface ErasureSubject {
  userId?: number
  email?: string
}

/** Everything Aula holds that belongs to the person, as ids, found before anything is changed. */
export interface PersonRecords {
  userId: number | null
  leadIds: number[]
  enrollmentIds: number[]
  bookingIds: number[]
  paymentIds: number[]
  receiptIds: number[]
  certificateIds: number[]
  attendanceIds: number[]
  emailLogIds: number[]
  suppressionIds: number[]
  traces: PersonTraces
}

const ids = (rows: Record<string, unknown>[]) => [...new Set(rows.map((row) => Number(row.id)))]
/** `IN (…)` of a list that may be empty. */
export const inList = (values: number[]) => (values.length ? sql.join(values.map((value) => sql`${value}`), sql`, `) : sql`NULL`)
const textIn = (values: string[]) => (values.length ? sql.join(values.map((value) => sql`${value}`), sql`, `) : sql`NULL`)
const fullName = (first: unknown, last: unknown) => [first, last].filter(Boolean).join(' ')

const nothingHeld = (req: PayloadRequest) =>
  new APIError(say(req, { es: 'Aula no guarda datos de esa persona.', en: 'Aula holds no data about that person.' }), 404, undefined, true)

/**
 * Finds the person's records: their account (by id, or by the address when one has it), the leads
 * with any of their addresses or linked to their enrollments, and everything hanging from those.
 * A 404 when nothing at all is held.
 */
export async function findPersonRecords(req: PayloadRequest, subject: ErasureSubject): Promise<PersonRecords & { user: Record<string, unknown> | null }> {
  const db = await sqlFor(req)
  const address = subject.email?.trim().toLowerCase()
  const { rows: users } = subject.userId !== undefined
    ? await db.execute(sql`SELECT * FROM users WHERE id = ${subject.userId} FOR UPDATE`)
    : await db.execute(sql`SELECT * FROM users WHERE lower(email) = ${address ?? ''} FOR UPDATE`)
  const user = users[0] ?? null
  if (subject.userId !== undefined && !user) throw nothingHeld(req)
  if (user?.erased_at) throw new APIError(say(req, { es: 'Los datos de esta persona ya se borraron.', en: 'This person was already erased.' }), 409, undefined, true)
  const userId = user ? Number(user.id) : null
  const emails = [...new Set([address, user?.email, user?.pending_email].filter(Boolean).map((value) => String(value).toLowerCase()))]

  const enrollmentIds = ids((await db.execute(sql`SELECT id FROM enrollments WHERE user_id = ${userId}`)).rows)
  const { rows: leads } = await db.execute(sql`
    SELECT id, email, first_name, last_name, phone FROM leads
     WHERE lower(email) IN (${textIn(emails)}) OR id IN (SELECT parent_id FROM leads_rels WHERE enrollments_id IN (${inList(enrollmentIds)}))
     FOR UPDATE`)
  for (const lead of leads) if (!emails.includes(String(lead.email).toLowerCase())) emails.push(String(lead.email).toLowerCase())
  const { rows: bookings } = await db.execute(sql`SELECT id, buyer_name FROM bookings WHERE buyer_id = ${userId} OR lower(buyer_email) IN (${textIn(emails)})`)
  const bookingIds = ids(bookings)
  const paymentIds = ids((await db.execute(sql`
    SELECT id FROM payments
     WHERE user_id = ${userId} OR booking_id IN (${inList(bookingIds)}) OR (user_id IS NULL AND enrollment_id IN (${inList(enrollmentIds)}))`)).rows)
  const { rows: receipts } = await db.execute(sql`
    SELECT id, buyer_name FROM receipts WHERE user_id = ${userId} OR buyer_user_id = ${userId} OR payment_id IN (${inList(paymentIds)})`)
  const { rows: certificates } = await db.execute(sql`SELECT id, holder_name FROM certificates WHERE user_id = ${userId}`)
  const attendanceIds = ids((await db.execute(sql`SELECT id FROM attendance WHERE user_id = ${userId} OR enrollment_id IN (${inList(enrollmentIds)})`)).rows)
  const emailLogIds = ids((await db.execute(sql`SELECT id FROM email_log WHERE lower("to") IN (${textIn(emails)})`)).rows)
  const suppressionIds = ids((await db.execute(sql`SELECT id FROM email_suppressions WHERE lower(email) IN (${textIn(emails)})`)).rows)

  const found = user || leads.length || bookings.length || emailLogIds.length || suppressionIds.length
  if (!found) throw nothingHeld(req)

  const traces: PersonTraces = {
    emails,
    fullNames: [
      fullName(user?.first_name, user?.last_name),
      String(user?.first_name ?? ''),
      String(user?.last_name ?? ''),
      String(user?.display_name ?? ''),
      ...leads.flatMap((lead) => [fullName(lead.first_name, lead.last_name), String(lead.first_name ?? ''), String(lead.last_name ?? '')]),
      ...bookings.map((booking) => String(booking.buyer_name ?? '')),
      ...receipts.map((receipt) => String(receipt.buyer_name ?? '')),
      ...certificates.map((certificate) => String(certificate.holder_name ?? '')),
    ],
    phones: [user?.phone, ...leads.map((lead) => lead.phone)].filter(Boolean).map(String),
  }
  return {
    user,
    userId,
    leadIds: ids(leads),
    enrollmentIds,
    bookingIds,
    paymentIds,
    receiptIds: ids(receipts),
    certificateIds: ids(certificates),
    attendanceIds,
    emailLogIds,
    suppressionIds,
    traces,
  }
}
