import type { PayloadRequest } from 'payload'

import { idOf } from '../../crm/ids'
import { getClock } from '../../utilities/clock'
import { consentsOf, emailsTo, leadsAsExported } from './contact'
import { learningOf } from './learning'
import { moneyOf } from './money'
import { resolvePerson } from './person'
import { auditEntriesAbout, notificationsOf } from './recordsAbout'
import type { ExportFile, ExportSubject, PersonExport } from './types'
import { withoutSecrets } from './withoutSecrets'

export type { ExportFile, ExportSubject, PersonExport } from './types'

/**
 * Everything Aula holds about one person (an account, or a lead's address): `json` is `datos.json`,
 * `files` their certificate and receipt PDFs. Reads everything (the callers decide who may ask), in
 * `req`'s transaction. Null when Aula holds nothing about them.
 */
export async function buildPersonExport(req: PayloadRequest, subject: ExportSubject): Promise<{ json: PersonExport; files: ExportFile[] } | null> {
  const person = await resolvePerson(req, subject)
  if (!person) return null
  const { user, addresses, leads } = person
  const userId = user ? (user.id as number) : null
  const leadIds = leads.map((lead) => idOf(lead.id)).filter((id): id is number => id !== null)
  const learning = await learningOf(req, userId, leads)
  const enrollmentIds = learning.enrollments.map((row) => row.id as number)
  const money = await moneyOf(req, userId, addresses, enrollmentIds)
  const [emails, consents, notifications, auditEntries] = await Promise.all([
    emailsTo(req, addresses),
    consentsOf(req, user, leads, addresses),
    notificationsOf(req, userId),
    auditEntriesAbout(req, userId, leadIds),
  ])
  const files = [...learning.files, ...money.files]
  const json: PersonExport = {
    format: 'aula-personal-data-export',
    version: 1,
    generatedAt: getClock(req.payload).now().toISOString(),
    subject: { userId, email: String(user?.email ?? addresses[0] ?? ''), leadIds },
    profile: user ? withoutSecrets(user) : null,
    enrollments: learning.enrollments,
    bookings: money.bookings,
    payments: money.payments,
    receipts: money.receipts,
    certificates: learning.certificates,
    attendance: learning.attendance,
    feedback: learning.feedback,
    emails,
    leads: leadsAsExported(leads),
    consents,
    notifications,
    auditEntries,
    files: files.map((file) => file.name),
  }
  return { json, files }
}
