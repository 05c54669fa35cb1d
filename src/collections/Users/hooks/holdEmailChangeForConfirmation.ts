import type { CollectionBeforeChangeHook } from 'payload'

import { APPLYING_CONFIRMED_EMAIL, NO_PENDING_EMAIL, requestEmailChange } from '../../../accounts/emailChange'
import { checkRole } from '../../../access'

/**
 * A person changing their own email only asks for it: the account keeps its address and the new
 * one waits as `pendingEmail` until the link mailed to it is followed. Otherwise anyone could take
 * an address (and the registrations that arrive for it) before its owner shows up. Admins change an
 * email directly (they act for the person, e.g. on a support request), as do the confirmation
 * itself and system code running without a user (seed, scripts).
 */
export const holdEmailChangeForConfirmation: CollectionBeforeChangeHook = async ({ context, data, operation, originalDoc, req }) => {
  if (operation !== 'update' || !originalDoc || typeof data.email !== 'string' || data.email === originalDoc.email) return data
  if (context[APPLYING_CONFIRMED_EMAIL] || !req.user || checkRole(['admin'], req.user)) {
    return { ...data, ...NO_PENDING_EMAIL }
  }
  const pending = await requestEmailChange(req, originalDoc, data.email)
  return { ...data, email: originalDoc.email, ...pending }
}
