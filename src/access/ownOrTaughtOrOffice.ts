import type { Access } from 'payload'

import { checkRole } from './checkRole'
import { itemsTaughtBy, whereItemIn } from './itemsTaughtBy'

/** Staff who read every person's rows: admins, editors and sales. */
const READS_ALL = ['admin', 'editor', 'sales'] as const

/**
 * Read access for rows that belong to one person and one webinar or course (enrollments,
 * certificates, certificate PDFs): the person named in `ownerField` reads their own, instructors
 * also those of the items they present or teach, admins, editors and sales all; anonymous callers
 * none. The row must carry the item as a polymorphic `item` relationship.
 */
export const ownOrTaughtOrOffice =
  (ownerField: string): Access =>
  async ({ req }) => {
    const { user } = req
    if (!user) return false
    if (checkRole([...READS_ALL], user)) return true
    const own = { [ownerField]: { equals: user.id } }
    if (!checkRole(['instructor'], user)) return own
    return { or: [own, ...whereItemIn(await itemsTaughtBy(req, user.id))] }
  }
