import { randomBytes } from 'node:crypto'
import type { PayloadRequest } from 'payload'

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
export async function createRegistrantAccount(req: PayloadRequest, person: RegistrantDetails): Promise<{ id: number }> {
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
  const created = await req.payload.db.create({
    collection: 'users',
    data: { ...data, hash: randomBytes(512).toString('hex'), salt: randomBytes(32).toString('hex') },
    // What was written is `data`: reading the whole row back (its relations included) would only return it.
    select: { id: true, createdAt: true, updatedAt: true },
    req,
  })
  const doc = { ...data, id: created.id, createdAt: created.createdAt, updatedAt: created.updatedAt, collection: 'users' }
  for (const hook of collection.hooks.afterChange ?? []) {
    await hook({ collection, context: req.context, data, doc, operation: 'create', previousDoc: {}, req })
  }
  return { id: Number(created.id) }
}
