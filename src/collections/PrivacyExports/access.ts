import type { Access } from 'payload'

import { checkRole } from '../../access'

/**
 * A personal-data export is read by the person it belongs to and by admins; nobody else, not even
 * other staff. The file route (`/api/privacy-exports/file/<name>`) applies the same rule.
 */
export const readPrivacyExports: Access = ({ req: { user } }) => {
  if (!user) return false
  if (checkRole(['admin'], user)) return true
  return { owner: { equals: user.id } }
}
