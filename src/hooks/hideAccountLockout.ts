import { type AfterErrorHook, AuthenticationError, formatErrors, LockedAuth } from 'payload'

import { errorChain } from '../utilities/errorChain'

/**
 * Payload answers a locked account with "This user is locked…", while an unknown email only ever
 * hears "The email or password provided is incorrect": anyone could tell real accounts apart by
 * failing five times. A lockout answers exactly like a wrong password (same 401, same message), on
 * REST and GraphQL; the lock itself still holds, and the admin's unlock still works.
 */
export const hideAccountLockout: AfterErrorHook = ({ error, graphqlResult, req }) => {
  if (!errorChain(error).some((link) => link instanceof LockedAuth || (link as { name?: unknown }).name === 'LockedAuth')) return
  const wrongPassword = new AuthenticationError(req.t)
  if (graphqlResult) {
    return {
      graphqlResult: {
        ...graphqlResult,
        message: wrongPassword.message,
        extensions: { ...graphqlResult.extensions, name: wrongPassword.name, statusCode: wrongPassword.status },
      },
    }
  }
  return { status: wrongPassword.status, response: formatErrors(wrongPassword) }
}
