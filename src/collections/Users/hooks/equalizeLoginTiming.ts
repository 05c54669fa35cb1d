import type { CollectionBeforeOperationHook } from 'payload'

import { spendPasswordHashTime } from '../../../utilities/spendPasswordHashTime'

/**
 * Payload checks a password (a PBKDF2 hash, 100–300 ms) only for an existing, unlocked account: an
 * unknown email or a locked account answered at once, so timing told real accounts apart. Those
 * two paths spend the same hash time first. The answers themselves are equalized by
 * src/hooks/hideAccountLockout.ts.
 */
export const equalizeLoginTiming: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'login') return args
  const email = (args as { data?: { email?: unknown } }).data?.email
  if (typeof email !== 'string') return args
  const account = await req.payload.db.findOne<{ id: number; lockUntil?: string | null }>({
    collection: 'users',
    where: { email: { equals: email.toLowerCase().trim() } },
    req,
  })
  const locked = account?.lockUntil ? new Date(account.lockUntil).getTime() > Date.now() : false
  if (!account || locked) await spendPasswordHashTime()
  return args
}
