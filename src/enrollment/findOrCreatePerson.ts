import type { PayloadRequest } from 'payload'

import { createRegistrantAccount, type RegistrantDetails } from '../accounts/registrantAccount'

export type PersonInput = RegistrantDetails

/**
 * The person behind a registration, found by email (already trimmed and lower-cased) or created as
 * a student inside the registration's transaction. A new account has no password anyone knows
 * (src/accounts/registrantAccount.ts): the person claims it through "forgot password", whose emailed
 * token is what proves the address, so the account starts verified.
 *
 * Neither path hashes a password, so the answer's timing does not tell whether an email has an
 * account by a PBKDF2's worth either way (docs/decisions/0029).
 */
export async function findOrCreatePerson(req: PayloadRequest, person: PersonInput): Promise<{ id: number }> {
  const existing = await req.payload.db.findOne<{ id: number }>({
    collection: 'users',
    where: { email: { equals: person.email } },
    select: { id: true } as never,
    req,
  })
  if (existing) return { id: Number(existing.id) }
  return createRegistrantAccount(req, person)
}
