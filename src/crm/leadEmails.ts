import type { PayloadRequest } from 'payload'

import { queueEmail } from '../email/queueEmail'
import type { Lead } from '../payload-types'
import { idOf } from './ids'

/** What a lead's `interest` is called in an email: the course or webinar title, or a general phrase. */
export async function interestTitle(req: PayloadRequest, interest: Lead['interest']): Promise<string | null> {
  const id = idOf(interest?.value)
  if (!interest || !id) return null
  const item = await req.payload.findByID({ collection: interest.relationTo, id, select: { title: true }, depth: 0, overrideAccess: true, disableErrors: true, req })
  return (item as { title?: string } | null)?.title ?? null
}

export const leadUrl = (req: PayloadRequest, leadId: number) => `${req.payload.config.serverURL}/admin/collections/leads/${leadId}`

/** "We got your request" to the person behind a new lead from the website (once per lead). */
export async function queueLeadReceived(req: PayloadRequest, lead: Lead) {
  return queueEmail(req, {
    templateKey: 'lead_received',
    to: { email: lead.email },
    dedupeKey: `lead_received:${lead.id}`,
    relatedDocument: { relationTo: 'leads', value: lead.id },
    variables: {
      firstName: lead.firstName,
      lastName: lead.lastName,
      email: lead.email,
      interest: (await interestTitle(req, lead.interest)) ?? 'nuestros cursos y talleres',
    },
  })
}

/**
 * "A lead is yours" to its new assignee. The key carries the save's time, so a lead that comes back
 * to someone after a reassignment mails them again, while a retried save of the same change does not.
 */
export async function queueLeadAssigned(req: PayloadRequest, lead: Lead, assigneeId: number) {
  const assignee = await req.payload.findByID({ collection: 'users', id: assigneeId, depth: 0, overrideAccess: true, disableErrors: true, req })
  if (!assignee?.email) return null
  return queueEmail(req, {
    templateKey: 'lead_assigned',
    to: { email: assignee.email, language: assignee.language },
    dedupeKey: `lead_assigned:${lead.id}:${assigneeId}:${lead.updatedAt}`,
    relatedDocument: { relationTo: 'leads', value: lead.id },
    variables: {
      firstName: assignee.firstName ?? '',
      lastName: assignee.lastName ?? '',
      email: assignee.email,
      leadName: `${lead.firstName} ${lead.lastName}`.trim(),
      company: lead.company || '—',
      interest: (await interestTitle(req, lead.interest)) ?? '—',
      leadUrl: leadUrl(req, lead.id),
    },
  })
}
