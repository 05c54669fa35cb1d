import type { FieldHook } from 'payload'

import { checkRole } from '../../../access'
import { SIGNED_LINK_VARIABLES } from '../../../email/templateVariables'

/**
 * Signed links in an email's variables (cancel, pay, confirm a new address) act for the person who
 * got the email: whoever holds one can use it. The log keeps them so a resend carries a working
 * link, but a reader who is not an admin sees `[hidden]` in their place (the pipeline reads with
 * `overrideAccess` and keeps them).
 */
export const hideSignedLinks: FieldHook = ({ value, req, overrideAccess }) => {
  if (overrideAccess || checkRole(['admin'], req.user) || !value || typeof value !== 'object' || Array.isArray(value)) return value
  const shown: Record<string, unknown> = { ...(value as Record<string, unknown>) }
  for (const key of SIGNED_LINK_VARIABLES) if (key in shown) shown[key] = '[hidden]'
  return shown
}
