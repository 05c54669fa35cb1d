import type { Access } from 'payload'

import { checkRole } from './checkRole'
import { STAFF_ROLES } from './roles'

/**
 * Staff read every row; everyone else (students, anonymous) only rows whose `status` is one of
 * `publicStatuses`. Returned as a `Where` so the filter runs in SQL for REST and GraphQL alike,
 * and a draft never leaves the database for a public caller.
 */
export const publishedOrStaff =
  (publicStatuses: readonly string[]): Access =>
  ({ req: { user } }) => {
    if (checkRole(STAFF_ROLES, user)) return true
    return { status: { in: [...publicStatuses] } }
  }
