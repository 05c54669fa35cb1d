import type { Access } from 'payload'

import { checkRole } from '../../access'
import { itemsTaughtBy, whereItemIn } from '../../access/itemsTaughtBy'
import { ownOrTaughtOrOffice } from '../../access/ownOrTaughtOrOffice'

/**
 * Students see their own enrollments; instructors also those of the webinars and courses they
 * present or teach; admins, editors and sales see all. Anonymous callers see none.
 */
export const readEnrollments: Access = ownOrTaughtOrOffice('user')

/**
 * Admins edit everything; instructors their participants (field rules limit them to attendance);
 * a student their own enrollment (field rules leave them nothing to write: feedback comes only through
 * the signed link, src/feedback).
 */
export const updateEnrollments: Access = async ({ req }) => {
  const { user } = req
  if (!user) return false
  if (checkRole(['admin'], user)) return true
  const own = { user: { equals: user.id } }
  if (!checkRole(['instructor'], user)) return own
  return { or: [own, ...whereItemIn(await itemsTaughtBy(req, user.id))] }
}
