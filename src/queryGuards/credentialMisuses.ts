import type { WhereMisuse } from './whereMisuses'

/** Payload's auth operations that look a person up by what the caller typed. */
export const CREDENTIAL_OPERATIONS = new Set(['login', 'forgotPassword', 'resetPassword', 'unlock', 'refresh'])

/**
 * PostgreSQL text cannot hold a NUL byte: `{"email":"a\u0000@x"}` on login or forgot-password
 * reached the lookup and failed there. Such a value can match no account; refuse it by name.
 */
export function credentialMisuses(data: unknown): WhereMisuse[] {
  if (!data || typeof data !== 'object') return []
  return Object.entries(data).flatMap(([key, value]) =>
    typeof value === 'string' && value.includes('\u0000') ? [{ path: key, message: `${key} cannot contain a NUL byte.` }] : [],
  )
}

/** RFC 5321's longest address; Payload adds an auth collection's `email` field itself, outside Aula's field bounds. */
const MAX_EMAIL_LENGTH = 254

/**
 * The login email of an auth collection, on create and update: text of at most 254 characters
 * without NUL (a list there reached Aula's hooks as an array and failed with a 500; an over-long
 * one went into a unique index).
 */
export function accountEmailMisuses(data: unknown): WhereMisuse[] {
  if (!data || typeof data !== 'object' || !('email' in data)) return []
  const email = (data as { email?: unknown }).email
  if (email === undefined) return []
  if (typeof email !== 'string') return [{ path: 'email', message: 'email must be text.' }]
  if (email.includes('\u0000')) return [{ path: 'email', message: 'email cannot contain a NUL byte.' }]
  if (email.length > MAX_EMAIL_LENGTH) return [{ path: 'email', message: `email must be at most ${MAX_EMAIL_LENGTH} characters.` }]
  return []
}
