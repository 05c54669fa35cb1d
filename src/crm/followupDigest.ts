import type { PayloadRequest } from 'payload'

import { queueEmail } from '../email/queueEmail'
import type { Lead } from '../payload-types'
import { getClock } from '../utilities/clock'
import { escapeHtml } from '../utilities/escapeHtml'
import { notifyOverdueFollowups } from '../notifications/triggers/leads'
import { idOf } from './ids'
import { leadUrl } from './leadEmails'
import { CLOSED_STAGES } from './options'

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * One email per sales user listing their open leads whose next action is due today or overdue
 * (today = the current UTC day by the app clock); nobody with nothing due gets one. The dedupe key
 * holds the date, so running the job twice on one day sends nothing new.
 */
export async function queueFollowupDigests(req: PayloadRequest): Promise<number> {
  const now = getClock(req.payload).now()
  const today = now.toISOString().slice(0, 10)
  const endOfToday = new Date(Date.parse(`${today}T00:00:00.000Z`) + DAY_MS).toISOString()
  const { docs } = await req.payload.find({
    collection: 'leads',
    where: { and: [{ nextActionAt: { less_than: endOfToday } }, { assignedTo: { exists: true } }, { stage: { not_in: [...CLOSED_STAGES] } }] },
    sort: 'nextActionAt',
    select: { firstName: true, lastName: true, company: true, nextActionAt: true, assignedTo: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  await notifyOverdueFollowups(req, docs as Lead[], now)
  const byAssignee = new Map<number, Lead[]>()
  for (const lead of docs as Lead[]) {
    const assignee = idOf(lead.assignedTo)
    if (assignee) byAssignee.set(assignee, [...(byAssignee.get(assignee) ?? []), lead])
  }
  let queued = 0
  for (const [userId, leads] of byAssignee) {
    const user = await req.payload.findByID({ collection: 'users', id: userId, depth: 0, overrideAccess: true, disableErrors: true, req })
    if (!user?.email || !(user.roles ?? []).includes('sales')) continue
    const result = await queueEmail(req, {
      templateKey: 'sales_followup_digest',
      to: { email: user.email, language: user.language },
      dedupeKey: `sales_followup_digest:${userId}:${today}`,
      relatedDocument: { relationTo: 'users', value: userId },
      variables: { firstName: user.firstName ?? '', leadList: leadList(req, leads, now) },
    })
    if (result.queued) queued += 1
  }
  return queued
}

function leadList(req: PayloadRequest, leads: Lead[], now: Date): string {
  const items = leads.map((lead) => {
    const name = escapeHtml(`${lead.firstName} ${lead.lastName}`.trim())
    const company = lead.company ? ` — ${escapeHtml(lead.company)}` : ''
    const overdue = new Date(String(lead.nextActionAt)).getTime() < now.getTime() ? ' (vencido · overdue)' : ''
    return `<li><a href="${leadUrl(req, lead.id)}">${name}</a>${company}: ${String(lead.nextActionAt).slice(0, 10)}${overdue}</li>`
  })
  return `<ul>${items.join('')}</ul>`
}
