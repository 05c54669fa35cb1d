import type { PayloadRequest } from 'payload'

import { createRegistrantAccount, type RegistrantDetails } from '../accounts/registrantAccount'
import { type Recipient, rememberRecipient } from './notify/recipient'
import { sql, sqlFor } from './transaction'

export type PersonInput = RegistrantDetails

/**
 * The person behind a registration, found by email (already trimmed and lower-cased) or created as
 * a student inside the registration's transaction. A new account has no password anyone knows
 * (src/accounts/registrantAccount.ts): the person claims it through "forgot password", whose emailed
 * token is what proves the address, so the account starts verified.
 *
 * Neither path hashes a password, so the answer's timing does not tell whether an email has an
 * account by a PBKDF2's worth either way (docs/decisions/0029). Either way the enrollment made next
 * takes the person's name, email, language and zone from here instead of reading them again.
 */
export async function findOrCreatePerson(req: PayloadRequest, person: PersonInput): Promise<{ id: number }> {
  const db = await sqlFor(req)
  const { rows } = await db.execute(sql`
    SELECT id, first_name, last_name, company, email, language, timezone FROM users WHERE email = ${person.email} LIMIT 1`)
  const found = rows[0]
  if (found) {
    const id = Number(found.id)
    rememberRecipient(req, id, {
      firstName: found.first_name as string | null,
      lastName: found.last_name as string | null,
      company: found.company as string | null,
      email: found.email as string,
      language: found.language as string | null,
      timezone: found.timezone as string | null,
    })
    return { id }
  }
  const created = await createRegistrantAccount(req, person)
  rememberRecipient(req, created.id, created.recipient)
  return { id: created.id }
}
