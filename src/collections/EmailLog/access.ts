import type { Access } from 'payload'

import { checkRole } from '../../access'

/** Admins and editors read the log; it holds addresses and personal variables, so nobody else does. */
export const readEmailLog: Access = ({ req: { user } }) => checkRole(['admin', 'editor'], user)
