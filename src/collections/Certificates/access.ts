import type { Access, FieldAccess } from 'payload'

import { checkRole } from '../../access'
import { ownOrTaughtOrOffice } from '../../access/ownOrTaughtOrOffice'

/**
 * Holders read their own certificates; instructors also those of the webinars and courses they
 * present or teach; admins, editors and sales read all. Anonymous callers read none (the public
 * check is the verification endpoint, which shows far less).
 */
export const readCertificates: Access = ownOrTaughtOrOffice('user')

/** Who issues by hand, revokes and reissues: admins (the coordinator's role). */
export const managesCertificates = (user: unknown): boolean => checkRole(['admin'], user as never)

/** Staff notes and who acted are for the admin panel, not for the holder. */
export const staffReadsField: FieldAccess = ({ req: { user } }) => checkRole(['admin', 'editor', 'sales', 'instructor'], user)
