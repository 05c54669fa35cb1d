import type { Access, FieldAccess } from 'payload'

import { checkRole } from '../../access'
import { LEAD_EMAIL_KEYS } from '../../crm/leadEmailKeys'

/**
 * Admins read the whole log; editors every row but the lead emails (leads are closed to editors,
 * and those rows hold a lead's address and name); nobody else any (addresses, personal variables).
 * Rows are told apart by template: Payload 3.88 on Postgres cannot filter a polymorphic
 * relationship by its collection (`relatedDocument.relationTo` `not_equals` matches as `equals`).
 */
export const readEmailLog: Access = ({ req: { user } }) => {
  if (checkRole(['admin'], user)) return true
  if (checkRole(['editor'], user)) return { templateKey: { not_in: LEAD_EMAIL_KEYS } }
  return false
}

const isAboutALead = (doc: Record<string, unknown> | undefined) =>
  (doc?.relatedDocument as { relationTo?: string } | null | undefined)?.relationTo === 'leads'

/**
 * Second line for a row about a lead that some future email files under another template: its
 * address, subject and variables are stripped for everyone but admins.
 */
export const personalUnlessAboutALead: FieldAccess = ({ req: { user }, doc }) => checkRole(['admin'], user) || !isAboutALead(doc)
