import type { Access } from 'payload'

import { checkRole } from '../../access'

/** Staff who read every payment. Instructors and students see only their own. */
const READS_ALL = ['admin', 'editor', 'sales'] as const

/** Admins, editors and sales read all payments; a signed-in user their own; anonymous callers none. */
export const readPayments: Access = ({ req: { user } }) => {
  if (!user) return false
  if (checkRole([...READS_ALL], user)) return true
  return { user: { equals: user.id } }
}
