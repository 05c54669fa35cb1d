import type { PayloadRequest } from 'payload'

import { recordAudit } from '../../audit/record'
import { inTransaction } from '../../enrollment/transaction'
import { getBusinessSettings } from '../../settings/businessSettings'
import { getClock } from '../../utilities/clock'
import { formatLocalDate } from '../../utilities/localTime'
import { redactAuditEntries } from './audit'
import { revokeAndPseudonymiseCertificates } from './certificates'
import { deleteTheirExports, deleteTheirNotifications } from './notifications'
import { erasureNote, newPseudonym } from './pseudonym'
import { deleteSuppressions, eraseAccount, eraseEmails, eraseEnrollments, eraseLeads, pseudonymiseFinancialRecords } from './records'
import { findPersonRecords, type ErasureSubject } from './subject'
import { sweepTraces } from './sweep'
import { scrubTermsFor } from './terms'

export type { ErasureSubject } from './subject'

/** What an erasure did, in counts: the audit entry and the admin's answer carry this and nothing erased. */
export interface ErasureSummary {
  pseudonym: string
  userId: number | null
  leads: number
  enrollments: number
  bookings: number
  payments: number
  receipts: number
  certificatesRevoked: number
  emails: number
  notificationsDeleted: number
  suppressionsDeleted: number
  auditEntriesRedacted: number
}

/**
 * Erases a person (docs/decisions/0028): their personal data is removed or replaced by a pseudonym
 * everywhere Aula holds it, in one transaction; financial records keep amounts, dates and numbers
 * and say they were anonymised; certificates are revoked; the audit log records the erasure with
 * counts only. The address is free afterwards: it may register again as a new person.
 */
export async function erasePerson(req: PayloadRequest, subject: ErasureSubject, reason?: string): Promise<ErasureSummary> {
  return inTransaction(req, async () => {
    const records = await findPersonRecords(req, subject)
    const pseudonym = newPseudonym()
    const now = getClock(req.payload).now()
    const { timezone } = await getBusinessSettings(req.payload, req)
    const terms = scrubTermsFor(records.traces, pseudonym)

    if (records.userId) await eraseAccount(req, records.userId, pseudonym, now)
    const leads = await eraseLeads(req, records, pseudonym)
    await eraseEnrollments(req, records, pseudonym)
    await pseudonymiseFinancialRecords(req, records, pseudonym, erasureNote(formatLocalDate(now, timezone)))
    const certificatesRevoked = await revokeAndPseudonymiseCertificates(req, records, pseudonym)
    const emails = await eraseEmails(req, records, pseudonym)
    const suppressionsDeleted = await deleteSuppressions(req, records)
    const notificationsDeleted = await deleteTheirNotifications(req, records)
    await deleteTheirExports(req, records)
    const auditEntriesRedacted = await redactAuditEntries(req, records)
    await sweepTraces(req, records, terms, pseudonym.email)

    const summary: ErasureSummary = {
      pseudonym: pseudonym.fullName,
      userId: records.userId,
      leads,
      enrollments: records.enrollmentIds.length,
      bookings: records.bookingIds.length,
      payments: records.paymentIds.length,
      receipts: records.receiptIds.length,
      certificatesRevoked,
      emails,
      notificationsDeleted,
      suppressionsDeleted,
      auditEntriesRedacted,
    }
    await recordAudit(req, {
      action: 'erasure',
      collectionSlug: records.userId ? 'users' : 'leads',
      documentId: records.userId ?? records.leadIds[0] ?? null,
      personId: records.userId,
      // Counts and the pseudonym only; the reason is scrubbed of the person's names and addresses as well.
      changes: [
        { field: 'pseudonym', from: null, to: pseudonym.fullName },
        ...Object.entries(summary)
          .filter(([key]) => !['pseudonym', 'userId'].includes(key))
          .map(([field, count]) => ({ field: `erased.${field}`, from: null, to: count })),
        ...(reason?.trim() ? [{ field: 'reason', from: null, to: scrubReason(reason.trim(), terms) }] : []),
      ],
    })
    return summary
  })
}

/** The admin's reason with the person's names and addresses replaced (JS regex of the same terms). */
function scrubReason(reason: string, terms: ReturnType<typeof scrubTermsFor>): string {
  let text = reason.slice(0, 500)
  for (const term of terms) {
    const pattern = term.pattern.replaceAll('[[:alnum:]', '[\\p{L}\\p{N}').replaceAll('[[:alnum:]._%+-]', '[\\p{L}\\p{N}._%+-]')
    try {
      text = text.replace(new RegExp(pattern, 'giu'), term.replacement)
    } catch {
      text = '[borrado]'
    }
  }
  return text
}
