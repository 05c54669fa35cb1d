import { APIError, ValidationError, type PayloadRequest } from 'payload'

import { actorOf, auditOriginContext } from '../audit/actor'
import { runAsActor } from '../audit/actorContext'
import { credentialMisuses } from '../queryGuards/credentialMisuses'

/**
 * `POST /api/users/forgot-password` and GraphQL `forgotPasswordUser`: checks the input, starts
 * Payload's forgot-password in the background and returns at once. Payload's operation stores a
 * token and sends the email (over SMTP, awaited) only for a real account, so answering after it
 * made a real account's answer measurably slower than an unknown email's, and an SMTP failure a
 * 500 for real accounts only (docs/security.md, "Existence leaks"). Now every email gets the same
 * answer in the same time; a failure is logged (without the address), not answered.
 */
export function startPasswordReset(req: PayloadRequest, rawEmail: unknown): void {
  const email = typeof rawEmail === 'string' ? rawEmail.trim().toLowerCase() : ''
  if (!email) throw new APIError('Missing email.', 400, undefined, true)
  const misuses = credentialMisuses({ email })
  if (misuses.length > 0) throw new ValidationError({ collection: 'users', errors: misuses })
  const { payload } = req
  // The audit entry of the request keeps who asked and from where, though it runs on a request of its own (src/audit).
  void runAsActor(actorOf(req), () => payload.forgotPassword({ collection: 'users', data: { email }, context: auditOriginContext(req) }))
    .catch((error: unknown) => payload.logger.error({ err: error, msg: 'A password reset could not be started or its email not sent' }))
}
