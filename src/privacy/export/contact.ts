import type { PayloadRequest } from 'payload'

import { emailLogKeyLabels } from '../../collections/EmailTemplates/keyLabels'
import { renderTemplate } from '../../email/renderTemplate'
import { DEFAULT_EMAIL_LOCALE, toEmailLocale } from '../../email/templateVariables'
import type { Doc } from './types'
import { withoutSecrets } from './withoutSecrets'

const all = { pagination: false, depth: 0, overrideAccess: true, sort: 'createdAt' } as const

/** The subject each email had: the one stored with it (campaigns, staff messages), else its template's with the logged variables. */
async function subjectsFor(req: PayloadRequest, rows: Doc[]): Promise<(row: Doc) => string | null> {
  const keys = [...new Set(rows.filter((row) => !row.subject).map((row) => row.templateKey))]
  const { docs: templates } = keys.length
    ? await req.payload.find({ collection: 'email-templates', where: { key: { in: keys } }, ...all, req })
    : { docs: [] }
  const templateFor = (key: string, locale: string) =>
    (templates as Doc[]).find((doc) => doc.key === key && doc.locale === locale) ?? (templates as Doc[]).find((doc) => doc.key === key && doc.locale === DEFAULT_EMAIL_LOCALE)
  return (row) => {
    if (row.subject) return String(row.subject)
    const template = templateFor(row.templateKey, row.locale)
    if (!template) return null
    return renderTemplate(template as Parameters<typeof renderTemplate>[0], (row.variables ?? {}) as Record<string, unknown>, toEmailLocale(template.locale)).subject
  }
}

/**
 * Emails sent (or planned) to any of their addresses: which email, its subject, its status and
 * times. Not the variables or bodies: those hold signed links that act for the person.
 */
export async function emailsTo(req: PayloadRequest, addresses: string[]): Promise<Doc[]> {
  if (!addresses.length) return []
  const { docs } = await req.payload.find({ collection: 'email-log', where: { to: { in: addresses } }, ...all, req })
  const subjectOf = await subjectsFor(req, docs as Doc[])
  return (docs as Doc[]).map((row) => ({
    id: row.id,
    to: row.to,
    email: row.templateKey,
    emailName: emailLogKeyLabels[row.templateKey as keyof typeof emailLogKeyLabels]?.[toEmailLocale(row.locale)] ?? row.templateKey,
    language: row.locale,
    subject: subjectOf(row),
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError ?? null,
    queuedAt: row.createdAt,
    scheduledFor: row.scheduledFor ?? null,
    sentAt: row.sentAt ?? null,
    relatedDocument: row.relatedDocument ? { collection: row.relatedDocument.relationTo, id: row.relatedDocument.value } : null,
  }))
}

/** Their leads as stored (contact details, request, stage history, interactions, staff notes). */
export const leadsAsExported = (leads: Doc[]) => leads.map(withoutSecrets)

/** What they agreed to: marketing consent on the account and on each lead, and the do-not-email list entries of their addresses. */
export async function consentsOf(req: PayloadRequest, user: Doc | null, leads: Doc[], addresses: string[]) {
  const { docs: suppressions } = addresses.length
    ? await req.payload.find({ collection: 'email-suppressions', where: { email: { in: addresses } }, ...all, req })
    : { docs: [] }
  return {
    account: user ? { userId: user.id, marketingConsent: user.marketingConsent ?? null } : null,
    leads: leads.map((lead) => ({ leadId: lead.id, email: lead.email, marketingConsent: lead.marketingConsent ?? null })),
    suppressions: (suppressions as Doc[]).map(withoutSecrets),
  }
}
