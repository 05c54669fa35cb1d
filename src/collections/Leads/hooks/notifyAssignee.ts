import type { CollectionAfterChangeHook } from 'payload'

import { idOf } from '../../../crm/ids'
import { queueLeadAssigned } from '../../../crm/leadEmails'
import { notifyLeadAssigned } from '../../../notifications/triggers/leads'
import type { Lead } from '../../../payload-types'

/**
 * Tells a sales user a lead is theirs whenever the assignee changes to them (round robin, an
 * admin's assignment or reassignment). Taking a lead yourself sends nothing: you already know.
 * Queued with `req`, so the email exists only if the save commits.
 */
export const notifyAssignee: CollectionAfterChangeHook<Lead> = async ({ doc, previousDoc, operation, req }) => {
  const assignee = idOf(doc.assignedTo)
  const before = operation === 'update' ? idOf(previousDoc?.assignedTo) : null
  if (!assignee || assignee === before || assignee === req.user?.id) return doc
  await queueLeadAssigned(req, doc, assignee)
  await notifyLeadAssigned(req, doc, assignee)
  return doc
}
