import type { Access } from 'payload'

import { checkRole } from './checkRole'

/** The people who work leads: admins and the sales team. */
export const isAdminOrSales: Access = ({ req: { user } }) => checkRole(['admin', 'sales'], user)
