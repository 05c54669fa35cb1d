import { createHash, createPrivateKey, type KeyObject } from 'node:crypto'

import { APIError, type Payload } from 'payload'

import { checkSigningKeyAtStart, readSigningKeySettings, type Ed25519Jwk, type SigningKeySettings } from './settings'
import { databaseSigningKey, existingDatabaseSigningKey } from './storedKey'

/** A public key as the JWKS publishes it: only these members, whatever the source JWK carried. */
export interface PublishedKey {
  kty: 'OKP'
  crv: 'Ed25519'
  x: string
  kid: string
  alg: 'EdDSA'
  use: 'sig'
}

/** RFC 7638 thumbprint: a stable `kid` for a key that was given none. */
const thumbprint = (jwk: Ed25519Jwk) =>
  createHash('sha256').update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x })).digest('base64url')

export const keyIdOf = (jwk: Ed25519Jwk) => jwk.kid ?? thumbprint(jwk)

export const publishedKey = (jwk: Ed25519Jwk): PublishedKey => ({ kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid: keyIdOf(jwk), alg: 'EdDSA', use: 'sig' })

const databaseKeys = new WeakMap<Payload, Promise<Ed25519Jwk>>()

/**
 * The key new credentials are signed with: `CERTIFICATE_SIGNING_KEY` when set; in development and
 * tests, the database's own key. Production never generates one: a key only the database knows would
 * be lost with a restore and copied into every backup (docs/decisions/0017).
 */
export async function currentSigningKey(payload: Payload, settings: SigningKeySettings = readSigningKeySettings()): Promise<{ kid: string; privateKey: KeyObject }> {
  let jwk = settings.current
  if (!jwk) {
    if (settings.isProduction) {
      payload.logger.error({ msg: 'CERTIFICATE_SIGNING_KEY is not set: certificates cannot be signed (see .env.example).' })
      throw new APIError('Certificate signing is not configured (CERTIFICATE_SIGNING_KEY).', 503)
    }
    let stored = databaseKeys.get(payload)
    if (!stored) {
      stored = databaseSigningKey(payload)
      databaseKeys.set(payload, stored)
      stored.catch(() => databaseKeys.delete(payload))
    }
    jwk = await stored
  }
  return { kid: keyIdOf(jwk), privateKey: createPrivateKey({ key: { ...jwk }, format: 'jwk' }) }
}

/** Every public key a credential of ours may name: the current one, the retired ones, and (outside production) the database's. */
export async function publishedKeys(payload: Payload, settings: SigningKeySettings = readSigningKeySettings()): Promise<PublishedKey[]> {
  const sources = [settings.current, ...settings.retired]
  // A development database's key stays trusted after a developer sets CERTIFICATE_SIGNING_KEY: credentials it signed stay verifiable.
  if (!settings.isProduction) sources.push(await (databaseKeys.get(payload) ?? existingDatabaseSigningKey(payload)))
  const byKid = new Map<string, PublishedKey>()
  for (const jwk of sources) if (jwk && !byKid.has(keyIdOf(jwk))) byKid.set(keyIdOf(jwk), publishedKey(jwk))
  return [...byKid.values()]
}

/**
 * Run by `onInit`: checks the environment's keys (a malformed one stops the start) and loads a
 * development database's key before any request. Issuing then never asks the pool for a second
 * connection from inside its transaction, which twenty concurrent issues holding every pooled
 * connection could otherwise wait on forever.
 */
export async function prepareCertificateSigning(payload: Payload): Promise<void> {
  checkSigningKeyAtStart(payload.logger)
  const settings = readSigningKeySettings()
  if (settings.current || settings.isProduction) return
  try {
    await currentSigningKey(payload, settings)
  } catch (error) {
    // No table yet (`npm run migrate` starts Payload before it creates it): the first certificate tries again.
    if (isMissingTable(error)) return
    payload.logger.warn({ err: error, msg: 'Could not load the development certificate signing key at start.' })
  }
}

/** PostgreSQL's undefined_table, wherever the driver wrapped it. */
function isMissingTable(error: unknown): boolean {
  for (let current = error as { code?: string; cause?: unknown } | undefined; current; current = current.cause as typeof current) {
    if (current.code === '42P01') return true
  }
  return false
}
