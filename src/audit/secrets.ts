import type { AuditChange } from './types'

/**
 * Fields whose values never reach the log, at any depth (`stripe.apiKey`, `smtp.pass`): passwords,
 * hashes, salts, tokens, keys, secrets, and Payload's lockout counters. `updatedAt` changes on
 * every write and says nothing the entry's own time does not.
 */
const NEVER_LOGGED = new Set(['password', 'confirmpassword', 'hash', 'salt', 'resetpasswordtoken', 'resetpasswordexpiration', '_verificationtoken', 'loginattempts', 'lockuntil', 'updatedat', 'createdat', 'sessions', 'apikey', 'apikeyindex', 'enableapikey'])
const SECRET_WORDS = /(password|secret|token|hash|salt|apikey|api_key|privatekey|private_key|signingkey|credential)/i

export const isSecretField = (name: string): boolean => NEVER_LOGGED.has(name.toLowerCase()) || SECRET_WORDS.test(name)

export const isSecretPath = (path: string): boolean => path.split('.').some((segment) => isSecretField(segment))

export const redactChanges = (changes: AuditChange[]): AuditChange[] => changes.filter((change) => !isSecretPath(change.field))
