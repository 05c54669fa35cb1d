import type { Doc } from './types'

/**
 * Keys never exported, wherever they sit: credentials and the links that act for the person (a
 * leaked zip must not cancel their seat or reset their password), and Aula's own bookkeeping.
 */
const SECRET_KEYS = new Set([
  'hash',
  'salt',
  'password',
  'resetPasswordToken',
  'resetPasswordExpiration',
  '_verificationToken',
  'pendingEmailTokenHash',
  'sessions',
  'loginAttempts',
  'lockUntil',
  'checkoutUrl',
  'checkoutSessionId',
  'activeKey',
  'validKey',
  'issueKey',
  'idempotencyKey',
  'idempotencyRequest',
  'searchText',
  'dedupeKey',
  'claimedAt',
])

/** A deep copy of `value` without the keys above (arrays and groups too). */
export function withoutSecrets<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutSecrets) as T
  if (!value || typeof value !== 'object' || value instanceof Date) return value
  const copy: Doc = {}
  for (const [key, inner] of Object.entries(value as Doc)) {
    if (!SECRET_KEYS.has(key)) copy[key] = withoutSecrets(inner)
  }
  return copy as T
}
