import type { Access, FieldAccess } from 'payload'

import { checkRole } from './checkRole'
import { CONTENT_ROLES, STAFF_ROLES } from './roles'

/** Admins, editors, sales and instructors: anyone who works in the admin panel. */
export const isStaff: Access = ({ req: { user } }) => checkRole(STAFF_ROLES, user)

export const isStaffField: FieldAccess = ({ req: { user } }) => checkRole(STAFF_ROLES, user)

/** Admins and editors: the people who write the catalog. */
export const isContentEditor: Access = ({ req: { user } }) => checkRole(CONTENT_ROLES, user)
