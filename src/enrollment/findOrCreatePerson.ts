import type { PayloadRequest } from 'payload'

import { createRegistrantAccount, type RegistrantDetails } from '../accounts/registrantAccount'
import { fastPathsEnabled } from '../config/fastPaths'
import { registrationItemSelect } from './items'
import { itemReadAheadIsFor, keepItemReadAhead } from './registrationPrefetch'
import type { ItemCollection } from './statuses'
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
export async function findOrCreatePerson(req: PayloadRequest, person: PersonInput, registeringFor?: { collection: ItemCollection; id: number }): Promise<{ id: number }> {
  const found = registeringFor && fastPathsEnabled() ? await findPersonWithItem(req, person.email, registeringFor) : await findPerson(req, person.email)
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
  if (registeringFor) itemReadAheadIsFor(req, created.id)
  return { id: created.id }
}

async function findPerson(req: PayloadRequest, email: string): Promise<Record<string, unknown> | undefined> {
  const db = await sqlFor(req)
  const { rows } = await db.execute(sql`
    SELECT id, first_name, last_name, company, email, language, timezone FROM users WHERE email = ${email} LIMIT 1`)
  return rows[0]
}

const PERSON_COLUMNS = ['id', 'first_name', 'last_name', 'company', 'email', 'language', 'timezone'] as const

/**
 * The person and the registration's unlocked item read (with the person's active enrollment for it) in ONE
 * statement: a round trip less for every registration on the fast path (docs/decisions/0034). The item's part is
 * kept for `readItemForRegistration` (src/enrollment/items.ts), which takes it instead of reading again.
 */
async function findPersonWithItem(req: PayloadRequest, email: string, item: { collection: ItemCollection; id: number }): Promise<Record<string, unknown> | undefined> {
  const db = await sqlFor(req)
  const activeKey = sql`${`${item.collection}:${item.id}:`} || p.id::text`
  const { rows } = await db.execute(sql`
    SELECT ${sql.raw(PERSON_COLUMNS.map((column) => `p.${column} AS person_${column}`).join(', '))}, i.*
      FROM (SELECT 1) AS one
      LEFT JOIN LATERAL (SELECT ${sql.raw(PERSON_COLUMNS.join(', '))} FROM users WHERE email = ${email} LIMIT 1) p ON true
      LEFT JOIN LATERAL (${registrationItemSelect(item.collection, item.id, activeKey)}) i ON true`)
  const row = rows[0]!
  const person = row.person_id === null ? undefined : Object.fromEntries(PERSON_COLUMNS.map((column) => [column, row[`person_${column}`]]))
  const itemRow = row.id === null ? undefined : Object.fromEntries(Object.entries(row).filter(([key]) => !key.startsWith('person_')))
  keepItemReadAhead(req, { ...item, userId: person ? Number(person.id) : null, row: itemRow })
  return person
}
