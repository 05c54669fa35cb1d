import type { Access } from 'payload'

import { checkRole } from '../../access'

/**
 * Admins, editors and sales read every booking; a buyer reads their own. Attendees see only their own
 * enrollment (the booking names the other attendees and what the company paid); anonymous callers nothing.
 */
export const readBookings: Access = ({ req: { user } }) => {
  if (!user) return false
  if (checkRole(['admin', 'editor', 'sales'], user)) return true
  return { buyer: { equals: user.id } }
}
