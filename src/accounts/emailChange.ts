import { createHash, randomBytes } from 'node:crypto'
import { APIError, type PayloadRequest, ValidationError } from 'payload'

import { queueEmail } from '../email/queueEmail'
import { parseInput } from '../endpoints/parseInput'
import { getClock } from '../utilities/clock'

/** How long the link mailed to a new address stays valid. */
export const EMAIL_CHANGE_LINK_HOURS = 24

/** `context` flag of the one update allowed to write a new email for a non-admin: the confirmation itself. */
export const APPLYING_CONFIRMED_EMAIL = 'aulaApplyingConfirmedEmail'

type Account = { id: number | string; email?: string | null; firstName?: string | null; lastName?: string | null; language?: string | null }

export interface PendingEmail {
  pendingEmail: string | null
  pendingEmailTokenHash: string | null
  pendingEmailExpiresAt: string | null
}

export const NO_PENDING_EMAIL: PendingEmail = { pendingEmail: null, pendingEmailTokenHash: null, pendingEmailExpiresAt: null }

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

/**
 * Holds `newEmail` as the account's pending email and mails a confirmation link to it, plus a notice
 * to the current address. Runs inside the caller's update (same transaction): if the update fails,
 * no email goes out. Whether the address already belongs to someone is not told here (that would
 * reveal who has an account); the confirmation refuses it.
 */
export async function requestEmailChange(req: PayloadRequest, account: Account, newEmail: string): Promise<PendingEmail> {
  const { email } = parseInput({ email: newEmail }, { email: { kind: 'email', required: true } }, 'users')
  const token = randomBytes(32).toString('base64url')
  const tokenHash = hashToken(token)
  const expiresAt = new Date(getClock(req.payload).now().getTime() + EMAIL_CHANGE_LINK_HOURS * 3600_000)
  const confirmUrl = `${req.payload.config.serverURL}/api/users/confirm-email-change?token=${token}`
  const recipient = { firstName: account.firstName ?? '', lastName: account.lastName ?? '', newEmail: email }
  const relatedDocument = { relationTo: 'users' as const, value: account.id }
  await queueEmail(req, {
    templateKey: 'email_change_confirm',
    to: { email, language: account.language },
    dedupeKey: `email_change_confirm:${tokenHash}`,
    relatedDocument,
    variables: { ...recipient, email, confirmUrl },
  })
  if (account.email) {
    await queueEmail(req, {
      templateKey: 'email_change_notice',
      to: { email: account.email, language: account.language },
      dedupeKey: `email_change_notice:${tokenHash}`,
      relatedDocument,
      variables: { ...recipient, email: account.email },
    })
  }
  return { pendingEmail: email, pendingEmailTokenHash: tokenHash, pendingEmailExpiresAt: expiresAt.toISOString() }
}

type PendingAccount = Account & { pendingEmail?: string | null; pendingEmailExpiresAt?: string | null }

const invalidLink = () => new APIError('This link is not valid or has expired.', 404, undefined, true)

/** The account waiting for the address behind `token`, or a 404 when the link is unknown, used or expired. */
export async function findPendingEmailChange(req: PayloadRequest, token: unknown): Promise<PendingAccount & { pendingEmail: string }> {
  if (typeof token !== 'string' || !token || token.length > 200) throw invalidLink()
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { pendingEmailTokenHash: { equals: hashToken(token) } },
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    showHiddenFields: true,
    req,
  })
  const account = docs[0] as PendingAccount | undefined
  const expiresAt = account?.pendingEmailExpiresAt ? new Date(account.pendingEmailExpiresAt) : null
  if (!account?.pendingEmail || !expiresAt || expiresAt <= getClock(req.payload).now()) throw invalidLink()
  return account as PendingAccount & { pendingEmail: string }
}

const addressTaken = () =>
  new APIError('This email address is already used by another account.', 409, { errors: [{ path: 'email', message: 'This email address is already used by another account.' }] }, true)

/** Follows the link: the pending address becomes the account's email (once; the link is then spent). */
export async function confirmEmailChange(req: PayloadRequest, token: unknown): Promise<{ email: string; language?: string | null }> {
  const account = await findPendingEmailChange(req, token)
  const { totalDocs } = await req.payload.count({
    collection: 'users',
    where: { and: [{ email: { equals: account.pendingEmail } }, { id: { not_equals: account.id } }] },
    overrideAccess: true,
    req,
  })
  if (totalDocs > 0) throw addressTaken()
  try {
    await req.payload.update({
      collection: 'users',
      id: account.id,
      data: { email: account.pendingEmail, ...NO_PENDING_EMAIL },
      overrideAccess: true,
      context: { [APPLYING_CONFIRMED_EMAIL]: true },
      depth: 0,
      req,
    })
  } catch (error) {
    // Taken between the check and the write: the unique index answers, as the same 409.
    if (error instanceof ValidationError && error.data.errors.some((item) => item.path === 'email')) throw addressTaken()
    throw error
  }
  return { email: account.pendingEmail, language: account.language }
}
