import type { Access } from 'payload'

import { checkRole } from '../../access'

/**
 * Admins, editors and sales see the people they work with (enrollments, leads, assignees);
 * instructors and students see only their own account. Anonymous callers see nobody.
 */
export const readUsers: Access = ({ req: { user } }) => {
  if (!user) return false
  if (checkRole(['admin', 'editor', 'sales'], user)) return true
  return { id: { equals: user.id } }
}
