import { type AfterErrorHook, type CollectionAfterLoginHook, type CollectionBeforeOperationHook, LockedAuth } from 'payload'

import { errorChain } from '../utilities/errorChain'
import { recordAudit } from './record'

const LOGIN_EMAIL = 'aulaAuditLoginEmail'
const RESETTING = 'aulaAuditResettingPassword'

/** Remembers the email a login was tried with (for a failure, seen later by the root afterError) and marks a password reset. */
export const noteAuthOperation: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'login') {
    const email = (args as { data?: { email?: unknown } }).data?.email
    if (typeof email === 'string') req.context[LOGIN_EMAIL] = email.trim().toLowerCase()
  }
  if (operation === 'resetPassword') req.context[RESETTING] = true
  return args
}

/** A login (also the one a password reset ends with), in the login's transaction. */
export const recordLogin: CollectionAfterLoginHook = async ({ req, user }) => {
  delete req.context[LOGIN_EMAIL]
  const actor = { kind: 'user' as const, userId: Number(user.id) }
  if (req.context[RESETTING]) {
    delete req.context[RESETTING]
    await recordAudit(req, { action: 'password_reset', collectionSlug: 'users', documentId: user.id, personId: Number(user.id), actor })
  }
  await recordAudit(req, { action: 'login', collectionSlug: 'users', documentId: user.id, personId: Number(user.id), actor })
  return user
}

const isLocked = (error: unknown) => errorChain(error).some((link) => link instanceof LockedAuth || (link as { name?: unknown }).name === 'LockedAuth')

/**
 * A refused login, REST or GraphQL (the root hook sees both). Payload has already rolled back and
 * counted the attempt on the account, so the entry is written on the pool. For an email nobody
 * owns, nothing of what was typed is kept, only the address and browser it came from; for a real
 * account the entry names it, and a second entry says when this attempt locked it.
 */
export const recordFailedLogin: AfterErrorHook = async ({ error, req }) => {
  const email = req?.context?.[LOGIN_EMAIL]
  if (typeof email !== 'string') return
  delete req.context[LOGIN_EMAIL]
  try {
    const account = await req.payload.db.findOne<{ id: number; lockUntil?: string | null }>({ collection: 'users', where: { email: { equals: email } } })
    const outside = { outsideTransaction: true }
    if (!account) {
      await recordAudit(req, { action: 'login_failed', collectionSlug: 'users', actor: { kind: 'anonymous' } }, outside)
      return
    }
    const actor = { kind: 'anonymous' as const, label: email }
    const entry = { collectionSlug: 'users', documentId: account.id, personId: account.id, actor }
    await recordAudit(req, { action: 'login_failed', ...entry }, outside)
    // Payload locks by the wall clock (Date.now), so this compares with the same.
    const lockedNow = account.lockUntil ? new Date(account.lockUntil).getTime() > Date.now() : false
    // LockedAuth: the account was locked before this attempt, whose lockout is already logged.
    if (lockedNow && !isLocked(error)) await recordAudit(req, { action: 'lockout', ...entry }, outside)
  } catch (error) {
    req.payload.logger.error({ err: error, msg: 'A failed login could not be written to the audit log' })
  }
}
