import type { Access, Where } from 'payload'

import { checkRole } from '../../access'

/** Staff who read every receipt: the same people who read every payment. */
const READS_ALL = ['admin', 'editor', 'sales'] as const

/**
 * Admins, editors and sales read every receipt and credit note; anyone else signed in reads those of
 * payments they made or bought (`user`: the payment's person, `buyerUser`: the group's buyer); anonymous
 * callers none. The PDF endpoint reads through this rule too.
 */
export const readReceipts: Access = ({ req: { user } }) => {
  if (!user) return false
  if (checkRole([...READS_ALL], user)) return true
  const own: Where = { or: [{ user: { equals: user.id } }, { buyerUser: { equals: user.id } }] }
  return own
}
