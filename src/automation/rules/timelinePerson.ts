import { sql } from '@payloadcms/db-postgres/drizzle'
import type { PayloadRequest } from 'payload'

import { checkRole } from '../../access'
import { templateKeyLabels } from '../../collections/EmailTemplates/keyLabels'
import { LEAD_EMAIL_KEYS } from '../../crm/leadEmailKeys'
import { drizzleFor, rowsOf } from '../../email/database'
import type { EmailTemplateKey } from '../../email/templateVariables'
import type { ItemCollection } from '../../enrollment/statuses'
import { getBusinessSettings } from '../../settings/businessSettings'
import { type AdminLanguage, formatWithZone } from '../../utilities/localTime'

export interface PersonEmailRow {
  id: number
  templateKey: string
  templateLabel: string
  rule: { id: number; name: string } | null
  status: 'sent' | 'queued' | 'sending'
  /** When it went out, or is due (null: as soon as the worker gets to it). */
  at: string | null
  /** `at` in the item's zone (the business zone for an email about no item), naming it. */
  atLocal: string
  item: { collection: ItemCollection; id: number; title: string } | null
}

export interface PersonEmailPlan {
  user: { id: number; email: string }
  /** What the person got, oldest first. */
  got: PersonEmailRow[]
  /** What the person will get, soonest first. */
  upcoming: PersonEmailRow[]
}

/** Enough for years of one person's mail; the oldest beyond it are left out. */
const MAX_ROWS = 500

/**
 * One person's emails: sent (what they got) and still queued (what they will get), to their address or
 * about their enrollments, each with its item and the moment in that item's zone. No content, no
 * variables (signed links stay in the log): only which email, about what, when. The lead emails stay
 * with the staff who may read leads (admins), as in the email log.
 */
export async function personEmailPlan(req: PayloadRequest, user: { id: number; email: string }, language: AdminLanguage): Promise<PersonEmailPlan> {
  const db = await drizzleFor(req)
  const email = user.email.trim().toLowerCase()
  const hideLeadEmails = !checkRole(['admin'], req.user)
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      SELECT DISTINCT ON (l.id) l.id, l.template_key, l.status, l.rule_id, l.sent_at, l.scheduled_for, l.created_at, r.webinars_id, r.courses_id
        FROM email_log l
        LEFT JOIN email_log_rels lr ON lr.parent_id = l.id AND lr.path = 'relatedDocument' AND lr.enrollments_id IS NOT NULL
        LEFT JOIN enrollments e ON e.id = lr.enrollments_id
        LEFT JOIN enrollments_rels r ON r.parent_id = e.id AND r.path = 'item'
       WHERE (l."to" = ${email} OR e.user_id = ${user.id})
         AND l.status IN ('sent', 'queued', 'sending')
         AND (${!hideLeadEmails} OR l.template_key NOT IN (${sql.join(LEAD_EMAIL_KEYS.map((key) => sql`${key}`), sql`, `)}))
       ORDER BY l.id DESC
       LIMIT ${MAX_ROWS}`),
  )
  const idsOf = (column: string) => [...new Set(rows.map((row) => row[column]).filter((id) => id != null).map(Number))]
  const find = async (collection: 'webinars' | 'courses' | 'email-rules', ids: number[]) =>
    ids.length ? (await req.payload.find({ collection, where: { id: { in: ids } }, depth: 0, pagination: false, overrideAccess: true, req })).docs as Record<string, any>[] : []
  const [webinars, courses, rules, settings] = await Promise.all([find('webinars', idsOf('webinars_id')), find('courses', idsOf('courses_id')), find('email-rules', idsOf('rule_id')), getBusinessSettings(req.payload, req)])
  const toRow = (row: Record<string, unknown>): PersonEmailRow => {
    const collection: ItemCollection | null = row.webinars_id != null ? 'webinars' : row.courses_id != null ? 'courses' : null
    const item = collection ? (collection === 'webinars' ? webinars : courses).find((doc) => doc.id === Number(row[`${collection}_id`])) : undefined
    const rule = row.rule_id != null ? rules.find((doc) => doc.id === Number(row.rule_id)) : undefined
    const status = row.status as PersonEmailRow['status']
    const atValue = (status === 'sent' ? row.sent_at : row.scheduled_for) as string | null
    const at = atValue ? new Date(atValue) : null
    const templateKey = String(row.template_key)
    return {
      id: Number(row.id),
      templateKey,
      templateLabel: templateKeyLabels[templateKey as EmailTemplateKey]?.[language] ?? templateKey,
      rule: rule ? { id: Number(rule.id), name: String(rule.name) } : null,
      status,
      at: at?.toISOString() ?? null,
      atLocal: at ? formatWithZone(at, String(item?.timezone || settings.timezone), language) : language === 'en' ? 'As soon as possible' : 'Lo antes posible',
      item: collection && item ? { collection, id: Number(item.id), title: String(item.title ?? '') } : null,
    }
  }
  const all = rows.map(toRow)
  const time = (row: PersonEmailRow) => (row.at ? new Date(row.at).getTime() : 0)
  return {
    user: { id: user.id, email },
    got: all.filter((row) => row.status === 'sent').sort((a, b) => time(a) - time(b)),
    upcoming: all.filter((row) => row.status !== 'sent').sort((a, b) => time(a) - time(b)),
  }
}
