import type { Access, FieldAccess } from 'payload'

import { checkRole } from '../../access'
import { itemsTaughtBy, whereItemIn } from '../../access/itemsTaughtBy'

/** Staff who read every certificate: admins, editors and sales. */
const READS_ALL = ['admin', 'editor', 'sales'] as const

/**
 * Holders read their own certificates; instructors also those of the webinars and courses they
 * present or teach; admins, editors and sales read all. Anonymous callers read none (the public
 * check is the verification endpoint, which shows far less).
 */
export const readCertificates: Access = async ({ req }) => {
  const { user } = req
  if (!user) return false
  if (checkRole([...READS_ALL], user)) return true
  const own = { user: { equals: user.id } }
  if (!checkRole(['instructor'], user)) return own
  return { or: [own, ...whereItemIn(await itemsTaughtBy(req, user.id))] }
}

/** Who issues by hand, revokes and reissues: admins (the coordinator's role). */
export const managesCertificates = (user: unknown): boolean => checkRole(['admin'], user as never)

/** Staff notes and who acted are for the admin panel, not for the holder. */
export const staffReadsField: FieldAccess = ({ req: { user } }) => checkRole(['admin', 'editor', 'sales', 'instructor'], user)
