import { randomBytes } from 'node:crypto'
import { type PayloadRequest, ValidationError } from 'payload'

import type { Recipient } from '../enrollment/notify/recipient'
import { pgErrorCode, UNIQUE_VIOLATION } from '../db/pgErrorCode'
import { sql, sqlFor } from '../enrollment/transaction'
import { personName, personSearchText } from '../people/personSearch'

export interface RegistrantDetails {
  /** Already trimmed and lower-cased. */
  email: string
  firstName?: string
  lastName?: string
  phone?: string
  company?: string
}

/**
 * A student account for someone who registered without one (docs/decisions/0029). Nobody knows its
 * password, so it gets none: Payload's `create` would spend a PBKDF2 hash (25,000 rounds, the largest
 * cost of a registration) on a random password only to throw the password away. Instead the row is
 * written through the database adapter with a random 512-byte "hash" and a random salt: Payload's
 * login runs its full PBKDF2 against them and can never match (no password hashes to random bytes
 * anyone knows), so a login attempt takes exactly as long as a wrong password on any account, and
 * "forgot password" claims the account like any other (the reset stores a real hash).
 *
 * Everything else is what `payload.create` would write: the field values below (checked column by
 * column against Payload's own create in tests/int/registrant-accounts.int.spec.ts, so a new users
 * field with a default fails that test) and the collection's own hooks, the audit entry included.
 */
export async function createRegistrantAccount(req: PayloadRequest, person: RegistrantDetails): Promise<{ id: number; recipient: Recipient }> {
  const collection = req.payload.collections.users.config
  let data: Record<string, unknown> = {
    email: person.email,
    firstName: person.firstName,
    lastName: person.lastName,
    phone: person.phone,
    company: person.company,
    roles: ['student'],
    language: 'es',
    marketingConsent: { granted: false },
    mutedNotifications: [],
    displayName: personName(person),
    searchText: personSearchText(person),
    // The address is proven later by the emailed reset link, exactly as for an account made by `payload.create` here before.
    _verified: true,
    loginAttempts: 0,
  }
  for (const hook of collection.hooks.beforeChange ?? []) {
    data = (await hook({ collection, context: req.context, data, operation: 'create', originalDoc: undefined, req })) ?? data
  }
  const created = await insertAccountRow(req, { ...data, hash: randomBytes(512).toString('hex'), salt: randomBytes(32).toString('hex') })
  const doc = { ...data, id: created.id, createdAt: created.createdAt, updatedAt: created.updatedAt, collection: 'users' }
  for (const hook of collection.hooks.afterChange ?? []) {
    await hook({ collection, context: req.context, data, doc, operation: 'create', previousDoc: {}, req })
  }
  // What an enrollment's email and search text need of the person, as written (src/enrollment/notify/recipient.ts).
  const recipient: Recipient = {
    firstName: (data.firstName as string | undefined) ?? null,
    lastName: (data.lastName as string | undefined) ?? null,
    company: (data.company as string | undefined) ?? null,
    email: String(data.email),
    language: (data.language as string | undefined) ?? null,
    timezone: (data.timezone as string | undefined) ?? null,
  }
  return { id: Number(created.id), recipient }
}

/** The users columns a registrant account can hold (any other field a hook adds goes through the adapter). */
const ACCOUNT_COLUMNS: Record<string, string> = {
  email: 'email',
  firstName: 'first_name',
  lastName: 'last_name',
  phone: 'phone',
  company: 'company',
  language: 'language',
  displayName: 'display_name',
  searchText: 'search_text',
  _verified: '_verified',
  loginAttempts: 'login_attempts',
  hash: 'hash',
  salt: 'salt',
}
/** Fields of `data` that write no column of their own here: the consent group's one value and the roles rows are written below. */
const HANDLED_APART = new Set(['roles', 'marketingConsent', 'mutedNotifications'])

type AccountRow = { id: number; createdAt: string; updatedAt: string }

/**
 * The row, its roles and nothing else, in ONE statement: the adapter's `create` takes three (the row, its
 * roles, a read-back) and builds each through drizzle, the costliest CPU of a registration after the
 * hash (docs/benchmarks.md). Only the shape a registration writes is taken here; anything else a hook
 * puts in `data` (a new field, a muted notification, a consent already given) goes through the adapter.
 */
async function insertAccountRow(req: PayloadRequest, data: Record<string, unknown>): Promise<AccountRow> {
  const consent = data.marketingConsent as { granted?: unknown } | undefined
  const plain =
    Object.keys(data).every((key) => Object.hasOwn(ACCOUNT_COLUMNS, key) || HANDLED_APART.has(key)) &&
    (!consent || Object.keys(consent).every((key) => key === 'granted')) &&
    (!Array.isArray(data.mutedNotifications) || data.mutedNotifications.length === 0) &&
    Array.isArray(data.roles) && data.roles.length > 0 && data.roles.every((role) => typeof role === 'string')
  if (!plain) {
    const created = await req.payload.db.create({ collection: 'users', data, select: { id: true, createdAt: true, updatedAt: true }, req })
    return { id: Number(created.id), createdAt: String(created.createdAt), updatedAt: String(created.updatedAt) }
  }
  const now = new Date().toISOString()
  const values: Array<[string, unknown]> = Object.entries(ACCOUNT_COLUMNS)
    .filter(([field]) => data[field] !== undefined)
    .map(([field, column]) => [column, data[field]])
  if (consent && consent.granted !== undefined) values.push(['marketing_consent_granted', consent.granted])
  values.push(['updated_at', now], ['created_at', now])
  const columns = sql.join(values.map(([column]) => sql.identifier(column)), sql`, `)
  const params = sql.join(values.map(([, value]) => sql`${value}`), sql`, `)
  const roleRows = sql.join((data.roles as string[]).map((role, index) => sql`(${index + 1}::int, ${role}::text)`), sql`, `)
  const db = await sqlFor(req)
  const { rows } = await db.execute(sql`
    WITH account AS (INSERT INTO users (${columns}) VALUES (${params}) RETURNING id),
    roles AS (INSERT INTO users_roles ("order", parent_id, value)
      SELECT role.position, account.id, role.value::enum_users_roles FROM account, (VALUES ${roleRows}) AS role(position, value))
    SELECT id FROM account`).catch((error: unknown) => {
    // The adapter's answer to a taken email, which `register` meets and retries (two first registrations at once).
    if (pgErrorCode(error) === UNIQUE_VIOLATION) {
      throw new ValidationError({ collection: 'users', errors: [{ message: req.t('error:valueMustBeUnique'), path: 'email' }], req }, req.t)
    }
    throw error
  })
  return { id: Number(rows[0]!.id), createdAt: now, updatedAt: now }
}
