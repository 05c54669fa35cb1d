import type { Access } from 'payload'

import { checkRole } from '../../access'
import { whereItemIn } from '../../access/itemsTaughtBy'
import { itemsWithAttendanceOf } from '../../attendance/permissions'

/**
 * Admins, editors and sales read every row (as they read every participant list); an instructor the
 * rows of the items they teach (or teach a session of); everyone else their own rows only.
 */
export const readAttendance: Access = async ({ req }) => {
  const { user } = req
  if (!user) return false
  if (checkRole(['admin', 'editor', 'sales'], user)) return true
  const own = { user: { equals: user.id } }
  if (!checkRole(['instructor'], user)) return own
  const taught = whereItemIn(await itemsWithAttendanceOf(req, user.id))
  return taught.length ? { or: [own, ...taught] } : own
}
