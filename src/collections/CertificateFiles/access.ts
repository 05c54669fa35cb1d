import type { Access } from 'payload'

import { checkRole } from '../../access'
import { itemsTaughtBy, whereItemIn } from '../../access/itemsTaughtBy'

/** Staff who read every certificate: admins, editors and sales (as for `certificates`). */
const READS_ALL = ['admin', 'editor', 'sales'] as const

/**
 * A certificate's PDF is read by whoever reads the certificate: its holder, the instructors of its
 * item, and admins, editors and sales. Never anonymous: the file route (`/api/certificate-files/file/<name>`)
 * applies this same rule, so a leaked file name alone downloads nothing.
 */
export const readCertificateFiles: Access = async ({ req }) => {
  const { user } = req
  if (!user) return false
  if (checkRole([...READS_ALL], user)) return true
  const own = { holder: { equals: user.id } }
  if (!checkRole(['instructor'], user)) return own
  return { or: [own, ...whereItemIn(await itemsTaughtBy(req, user.id))] }
}
