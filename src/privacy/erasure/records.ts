import { randomBytes } from 'node:crypto'

import type { PayloadRequest } from 'payload'

import { sql, sqlFor } from '../../enrollment/transaction'
import type { Pseudonym } from './pseudonym'
import { inList, type PersonRecords } from './subject'

type Counted = { rowCount?: number | null }
const count = (result: unknown) => Number((result as Counted).rowCount ?? 0)
const textIn = (values: string[]) => (values.length ? sql.join(values.map((value) => sql`${value}`), sql`, `) : sql`NULL`)

/**
 * The account: a pseudonym in place of the name and address, contact details and consent gone, no
 * way to log in (a random hash no password matches, every session ended), student only.
 * Raw SQL on purpose: the users hooks would mail the old address, and the audit hooks would copy
 * the erased values into the log.
 */
export async function eraseAccount(req: PayloadRequest, userId: number, pseudonym: Pseudonym, at: Date): Promise<void> {
  const db = await sqlFor(req)
  await db.execute(sql`
    UPDATE users SET
      email = ${pseudonym.email}, first_name = ${pseudonym.firstName}, last_name = ${pseudonym.lastName},
      display_name = ${pseudonym.fullName}, search_text = ${pseudonym.searchText},
      phone = NULL, company = NULL, position = NULL, timezone = NULL,
      pending_email = NULL, pending_email_token_hash = NULL, pending_email_expires_at = NULL,
      reset_password_token = NULL, reset_password_expiration = NULL, _verificationtoken = NULL,
      salt = ${randomBytes(32).toString('hex')}, hash = ${randomBytes(512).toString('hex')},
      login_attempts = 0, lock_until = NULL,
      marketing_consent_granted = false, marketing_consent_at = NULL, marketing_consent_method = NULL, marketing_consent_withdrawn_at = NULL,
      erased_at = ${at.toISOString()}, updated_at = ${at.toISOString()}
    WHERE id = ${userId}`)
  await db.execute(sql`DELETE FROM users_sessions WHERE _parent_id = ${userId}`)
  await db.execute(sql`DELETE FROM users_roles WHERE parent_id = ${userId}`)
  await db.execute(sql`INSERT INTO users_roles ("order", parent_id, value) VALUES (1, ${userId}, 'student')`)
  // Their admin list settings and document locks, if they were staff.
  await db.execute(sql`DELETE FROM payload_preferences WHERE id IN (SELECT parent_id FROM payload_preferences_rels WHERE users_id = ${userId})`)
  await db.execute(sql`DELETE FROM payload_locked_documents WHERE id IN (SELECT parent_id FROM payload_locked_documents_rels WHERE users_id = ${userId})`)
  // The copies of their search text on their enrollments and payments (src/people/resyncPersonSearchText.ts).
  await db.execute(sql`UPDATE enrollments SET search_text = ${pseudonym.searchText} WHERE user_id = ${userId}`)
  await db.execute(sql`UPDATE payments SET search_text = ${pseudonym.searchText} WHERE user_id = ${userId}`)
}

/** Leads: the pseudonym as contact, what they wrote and what staff noted about them gone; stage, source and dates stay for the sales figures. */
export async function eraseLeads(req: PayloadRequest, records: PersonRecords, pseudonym: Pseudonym): Promise<number> {
  if (!records.leadIds.length) return 0
  const db = await sqlFor(req)
  const updated = count(await db.execute(sql`
    UPDATE leads SET
      first_name = ${pseudonym.firstName}, last_name = ${pseudonym.lastName}, email = ${pseudonym.email}, search_text = ${pseudonym.searchText},
      phone = NULL, company = NULL, position = NULL, message = NULL, preferred_dates = NULL, notes = NULL, lost_reason = NULL,
      marketing_consent_granted = false, marketing_consent_at = NULL, marketing_consent_method = NULL, marketing_consent_withdrawn_at = NULL
    WHERE id IN (${inList(records.leadIds)})`))
  await db.execute(sql`UPDATE leads_interactions SET summary = '—', outcome = NULL, next_action = NULL WHERE _parent_id IN (${inList(records.leadIds)})`)
  return updated
}

/** Enrollments and group bookings: what the person wrote (feedback, requests) and staff notes about them. */
export async function eraseEnrollments(req: PayloadRequest, records: PersonRecords, pseudonym: Pseudonym): Promise<void> {
  const db = await sqlFor(req)
  await db.execute(sql`
    UPDATE enrollments SET feedback_comment = NULL, staff_note = NULL, cancellation_reason = NULL, idempotency_request = NULL
    WHERE id IN (${inList(records.enrollmentIds)})`)
  await db.execute(sql`
    UPDATE bookings SET buyer_name = ${pseudonym.fullName}, buyer_email = ${pseudonym.email}, idempotency_request = NULL
    WHERE id IN (${inList(records.bookingIds)})`)
}

/**
 * Payments and receipts are kept as the law requires (amounts, currency, dates, numbers, the
 * company and tax id a business bought under): the buyer's name and address become the pseudonym
 * and each says when and why.
 */
export async function pseudonymiseFinancialRecords(req: PayloadRequest, records: PersonRecords, pseudonym: Pseudonym, note: string): Promise<void> {
  const db = await sqlFor(req)
  await db.execute(sql`UPDATE payments SET erasure_note = ${note}, search_text = ${pseudonym.searchText} WHERE id IN (${inList(records.paymentIds)})`)
  await db.execute(sql`
    UPDATE receipts SET buyer_name = ${pseudonym.fullName}, buyer_email = ${pseudonym.email}, erasure_note = ${note}
    WHERE id IN (${inList(records.receiptIds)})`)
}

/**
 * Emails to the person: addressed to the pseudonym, their variables (names, links, amounts) and
 * attachments gone; any not yet sent is cancelled.
 */
export async function eraseEmails(req: PayloadRequest, records: PersonRecords, pseudonym: Pseudonym): Promise<number> {
  if (!records.emailLogIds.length) return 0
  const db = await sqlFor(req)
  await db.execute(sql`UPDATE email_log SET status = 'cancelled', last_error = NULL WHERE id IN (${inList(records.emailLogIds)}) AND status IN ('queued', 'sending')`)
  return count(await db.execute(sql`
    UPDATE email_log SET "to" = ${pseudonym.email}, variables = '{}'::jsonb, attachments = NULL
    WHERE id IN (${inList(records.emailLogIds)})`))
}

/** An unsubscribe is about an address that no longer exists here; keeping it would keep the address. */
export async function deleteSuppressions(req: PayloadRequest, records: PersonRecords): Promise<number> {
  const db = await sqlFor(req)
  return count(await db.execute(sql`DELETE FROM email_suppressions WHERE lower(email) IN (${textIn(records.traces.emails)})`))
}
