import type { CollectionAfterChangeHook, CollectionBeforeOperationHook } from 'payload'

import { prepareInvitation, sendInvitationIfPrepared } from '../../../accounts/invitation'

/** An admin creating a person without a password invites them instead (src/accounts/invitation.ts, docs/admin.md). */
export const inviteInsteadOfPassword: CollectionBeforeOperationHook = ({ args, operation }) =>
  operation === 'create' ? prepareInvitation(args) : args

/** …and, once the account exists in the same transaction, queues the "choose your password" email. */
export const sendInvitation: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation === 'create') await sendInvitationIfPrepared(req, doc)
  return doc
}
