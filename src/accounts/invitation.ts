import { randomBytes } from 'node:crypto'
import type { PayloadRequest } from 'payload'

import { queueEmail } from '../email/queueEmail'

/** How long the "choose your password" link works. A week: people start on a Monday they were invited the Friday before. */
export const INVITATION_VALID_DAYS = 7

/** What the create operation tells the afterChange hook: this account, by email, was invited. */
const CONTEXT_KEY = 'aulaInvitedEmail'

interface CreateArgs {
  data?: Record<string, unknown>
  disableVerificationEmail?: boolean
  req: PayloadRequest
}

const isAdminCaller = (req: PayloadRequest) => Boolean((req.user as { roles?: string[] } | null)?.roles?.includes('admin'))

/**
 * An admin creating a person without a password (or with "send an invitation" ticked, the admin's
 * default) invites them: the account gets a random password nobody knows, like an account made by
 * registration (src/enrollment/findOrCreatePerson.ts), and starts verified, because the emailed link
 * is what proves the address. Payload's own verification email is not sent: one email, not two.
 */
export function prepareInvitation<T extends CreateArgs>(args: T): T {
  const data = args.data
  if (!data || !isAdminCaller(args.req)) return args
  const hasPassword = typeof data.password === 'string' && data.password.length > 0
  if (hasPassword && data.sendInvitation !== true) return args
  const email = typeof data.email === 'string' ? data.email.trim().toLowerCase() : ''
  args.req.context[CONTEXT_KEY] = email
  return {
    ...args,
    disableVerificationEmail: true,
    data: { ...data, password: randomBytes(24).toString('base64url'), _verified: true, sendInvitation: true },
  }
}

type InvitedUser = { id: number | string; email?: string | null; firstName?: string | null; lastName?: string | null; language?: string | null }

/**
 * After the account exists (same transaction): a reset-password token valid for INVITATION_VALID_DAYS,
 * and the `staff_invitation` email, queued, with the link to Payload's reset-password page. Setting
 * the password there logs the person in; from then on they log in as anyone else.
 */
export async function sendInvitationIfPrepared(req: PayloadRequest, user: InvitedUser): Promise<boolean> {
  const email = String(user.email ?? '')
  if (!email || req.context[CONTEXT_KEY] !== email) return false
  delete req.context[CONTEXT_KEY]
  const token = randomBytes(20).toString('hex')
  // Payload's reset-password checks the expiry against the real time, so it is set in real time too.
  const expiresAt = new Date(Date.now() + INVITATION_VALID_DAYS * 24 * 60 * 60 * 1000)
  // The token fields refuse writes through the API (Payload's field access): the adapter writes them, as forgot-password does.
  await req.payload.db.updateOne({
    collection: 'users',
    id: user.id,
    data: { resetPasswordToken: token, resetPasswordExpiration: expiresAt.toISOString() },
    req,
    returning: false,
  })
  await queueEmail(req, {
    templateKey: 'staff_invitation',
    to: { email, language: user.language },
    dedupeKey: `staff_invitation:user-${user.id}:${expiresAt.getTime()}`,
    relatedDocument: { relationTo: 'users', value: user.id },
    variables: {
      firstName: user.firstName ?? '',
      lastName: user.lastName ?? '',
      email,
      setPasswordUrl: `${req.payload.config.serverURL}${req.payload.config.routes.admin}/reset/${token}`,
      validDays: String(INVITATION_VALID_DAYS),
    },
  })
  return true
}
