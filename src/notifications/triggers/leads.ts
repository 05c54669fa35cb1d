import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import { idOf } from '../../crm/ids'
import type { Lead } from '../../payload-types'
import { getBusinessSettings } from '../../settings/businessSettings'
import { formatWithZone } from '../../utilities/localTime'
import { notify } from '../notify'
import { adminDocumentPath } from './links'

type LeadFacts = Pick<Lead, 'id' | 'company'>

/**
 * How a notification names a lead: its company, or its number. Never the person's name or email: a
 * notification is a copy in someone else's inbox that erasing the person would miss (src/privacy), and
 * the link opens the lead itself.
 */
const leadLabel = (lead: LeadFacts) => ({
  es: lead.company ? `${lead.company} (prospecto #${lead.id})` : `el prospecto #${lead.id}`,
  en: lead.company ? `${lead.company} (lead #${lead.id})` : `lead #${lead.id}`,
})
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/**
 * "A lead is yours", beside the email of the same name (notifyAssignee decides when: round robin, an
 * admin's assignment or reassignment, never someone taking a lead themself). The key holds the save's
 * time like the email's, so a lead that comes back to someone tells them again.
 */
export async function notifyLeadAssigned(req: PayloadRequest, lead: Lead, assigneeId: number): Promise<void> {
  await notify(req, {
    kind: 'lead_assigned',
    to: [assigneeId],
    title: { es: `Te asignaron ${leadLabel(lead).es}`, en: `${capitalized(leadLabel(lead).en)} was assigned to you` },
    body: {
      es: 'Ábrelo y contacta pronto: las primeras horas cuentan.',
      en: 'Open it and get in touch soon: the first hours count.',
    },
    link: adminDocumentPath('leads', lead.id),
    document: { collection: 'leads', id: lead.id },
    dedupeKey: `lead_assigned:${lead.id}:${assigneeId}:${lead.updatedAt}`,
  })
}

/**
 * A company asking (type `corporate`, the CRM's own word for it: src/crm/options.ts) is the sales team's
 * biggest kind of deal, so all of sales hear of it: when it arrives, or when staff reclassify a lead as
 * corporate. Once per lead.
 */
export const notifyCorporateLead: CollectionAfterChangeHook<Lead> = async ({ doc, previousDoc, operation, req }) => {
  if (doc.type !== 'corporate' || (operation === 'update' && previousDoc?.type === 'corporate')) return doc
  const headcount = doc.headcount ? { es: ` para ${doc.headcount} personas`, en: ` for ${doc.headcount} people` } : { es: '', en: '' }
  const label = leadLabel(doc)
  await notify(req, {
    kind: 'corporate_lead',
    to: 'byRole',
    title: { es: `Nuevo prospecto corporativo: ${label.es}`, en: `New corporate lead: ${label.en}` },
    body: {
      es: `Una empresa pide formación${headcount.es}.`,
      en: `A company is asking about training${headcount.en}.`,
    },
    link: adminDocumentPath('leads', doc.id),
    document: { collection: 'leads', id: doc.id },
    dedupeKey: `corporate_lead:${doc.id}`,
  })
  return doc
}

/**
 * Each open, assigned lead whose next action is already past (the follow-up digest's list, read by the
 * daily job) tells its assignee once per due date: moving the date and missing it again tells them again.
 */
export async function notifyOverdueFollowups(req: PayloadRequest, leads: Lead[], now: Date): Promise<void> {
  const overdue = leads.filter((lead) => lead.nextActionAt && new Date(lead.nextActionAt).getTime() < now.getTime())
  if (!overdue.length) return
  const { timezone } = await getBusinessSettings(req.payload, req)
  for (const lead of overdue) {
    const assignee = idOf(lead.assignedTo)
    if (!assignee || !lead.nextActionAt) continue
    await notify(req, {
      kind: 'followup_overdue',
      to: [assignee],
      title: { es: `Seguimiento vencido: ${leadLabel(lead).es}`, en: `Follow-up overdue: ${leadLabel(lead).en}` },
      body: {
        es: `La próxima acción vencía el ${formatWithZone(lead.nextActionAt, timezone, 'es')}.`,
        en: `The next action was due on ${formatWithZone(lead.nextActionAt, timezone, 'en')}.`,
      },
      link: adminDocumentPath('leads', lead.id),
      document: { collection: 'leads', id: lead.id },
      dedupeKey: `followup_overdue:${lead.id}:${new Date(lead.nextActionAt).toISOString()}`,
    })
  }
}
