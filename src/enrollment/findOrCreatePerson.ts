import { randomBytes } from 'node:crypto'
import type { PayloadRequest } from 'payload'

import { spendPasswordHashTime } from '../utilities/spendPasswordHashTime'

export interface PersonInput {
  email: string
  firstName?: string
  lastName?: string
  phone?: string
  company?: string
}

/**
 * The person behind a registration, found by email (already trimmed and lower-cased) or created as
 * a student inside the registration's transaction. A new account gets a random password nobody
 * knows: the person claims it through "forgot password", whose emailed token is what proves the
 * address, so the account starts verified.
 *
 * Both paths cost the same: an existing person costs one PBKDF2 hash, like the new account's
 * password, so the answer's timing does not tell whether an email has an account.
 */
export async function findOrCreatePerson(req: PayloadRequest, person: PersonInput): Promise<{ id: number }> {
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { email: { equals: person.email } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
  })
  if (docs[0]) {
    await spendPasswordHashTime()
    return { id: docs[0].id as number }
  }
  const created = await req.payload.create({
    collection: 'users',
    req,
    overrideAccess: true,
    disableVerificationEmail: true,
    data: {
      email: person.email,
      firstName: person.firstName,
      lastName: person.lastName,
      phone: person.phone,
      company: person.company,
      roles: ['student'],
      password: randomBytes(24).toString('base64url'),
      _verified: true,
    },
  })
  return { id: created.id as number }
}
