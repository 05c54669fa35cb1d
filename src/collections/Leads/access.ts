import type { Access, Where } from 'payload'

import { checkRole } from '../../access'

/** A sales user's share of the pipeline: their own leads and the ones nobody has taken yet. */
export const ownOrUnassigned = (userId: number | string): Where => ({
  or: [{ assignedTo: { equals: userId } }, { assignedTo: { exists: false } }],
})

/**
 * Admins reach every lead; sales only their own and unassigned ones (a row filter, so REST,
 * GraphQL and the CSV export agree); everyone else none. The public form does not read leads.
 */
export const readOrUpdateLeads: Access = ({ req: { user } }) => {
  if (!user) return false
  if (checkRole(['admin'], user)) return true
  if (checkRole(['sales'], user)) return ownOrUnassigned(user.id)
  return false
}
