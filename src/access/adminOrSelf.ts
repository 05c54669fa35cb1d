import type { Access } from 'payload'

import { checkRole } from './checkRole'

/** Admins reach every user; anyone else only their own account (a row filter, not a yes/no). */
export const adminOrSelf: Access = ({ req: { user } }) => {
  if (!user) return false
  if (checkRole(['admin'], user)) return true
  return { id: { equals: user.id } }
}
