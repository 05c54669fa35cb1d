import type { CollectionBeforeChangeHook, CollectionBeforeOperationHook, CollectionBeforeValidateHook } from 'payload'

type Session = { id: string }
type SessionUser = { id?: number | string; _sid?: string }

const RESETTING_PASSWORD = 'aulaResettingPassword'

/**
 * A new password ends every session of the account but the one that set it: a token stolen before
 * the change stops working at once (Payload checks the token's session id against `sessions` on
 * every request, but never clears them itself). The person changing their own password keeps the
 * session they did it from; when an admin sets someone's password, all of that person's sessions end.
 */
export const endOtherSessionsOnPasswordChange: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
  if (operation !== 'update' || typeof data.password !== 'string' || !data.password) return data
  const caller = req.user as SessionUser | null
  const ownSessionId = caller && String(caller.id) === String(originalDoc?.id) ? caller._sid : undefined
  const sessions = ((originalDoc?.sessions ?? []) as Session[]).filter((session) => ownSessionId && session.id === ownSessionId)
  return { ...data, sessions }
}

/** Marks a reset-password request (REST or GraphQL); Payload's reset runs only `beforeValidate` on the user it found. */
export const markPasswordReset: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'resetPassword') req.context[RESETTING_PASSWORD] = true
  return args
}

/**
 * A password reset (the emailed token) ends every session: whoever asked for it may be locking an
 * intruder out. Payload then adds the one session whose token the reset answers with. Its reset
 * writes the very object this hook receives, so the change is made in place.
 */
export const endAllSessionsOnPasswordReset: CollectionBeforeValidateHook = ({ data, req }) => {
  if (!req.context[RESETTING_PASSWORD] || !data) return data
  delete req.context[RESETTING_PASSWORD]
  data.sessions = []
  return data
}
