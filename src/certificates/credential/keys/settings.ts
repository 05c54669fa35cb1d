import { createPrivateKey, createPublicKey } from 'node:crypto'

import { EnvError } from '../../../config/env'

/** An Ed25519 key as a JWK (RFC 8037): `x` is the public key, `d` (private keys only) the seed. */
export interface Ed25519Jwk {
  kty: 'OKP'
  crv: 'Ed25519'
  x: string
  d?: string
  kid?: string
}

/** Where signing keys come from, read from the environment (`.env.example`, docs/decisions/0017). */
export interface SigningKeySettings {
  isProduction: boolean
  /** `CERTIFICATE_SIGNING_KEY`: the private JWK that signs new credentials. Unset outside production = a key generated once per database. */
  current: Ed25519Jwk | null
  /** `CERTIFICATE_RETIRED_PUBLIC_KEYS`: public JWKs of keys that signed credentials before a rotation; they stay in the JWKS forever. */
  retired: Ed25519Jwk[]
}

type Env = Record<string, string | undefined>

const BASE64URL = /^[A-Za-z0-9_-]+$/

function parseJson(name: string, raw: string): unknown {
  try {
    return JSON.parse(raw)
  } catch {
    throw new EnvError(`${name} is not valid JSON (expected a JWK; see .env.example).`)
  }
}

/** An Ed25519 JWK or a clear start-up error naming the variable; `private` says whether `d` must (or must not) be there. */
function ed25519Jwk(name: string, value: unknown, kind: 'private' | 'public'): Ed25519Jwk {
  const jwk = (value ?? {}) as Record<string, unknown>
  const isKey = jwk.kty === 'OKP' && jwk.crv === 'Ed25519' && typeof jwk.x === 'string' && BASE64URL.test(jwk.x)
  if (!isKey) throw new EnvError(`${name} must hold Ed25519 JWKs ({"kty":"OKP","crv":"Ed25519","x":…}); see .env.example.`)
  if (jwk.kid !== undefined && (typeof jwk.kid !== 'string' || !/^[\w.:-]{1,64}$/.test(jwk.kid))) {
    throw new EnvError(`${name}: "kid" must be 1–64 letters, digits or . _ : -`)
  }
  const hasPrivatePart = typeof jwk.d === 'string' && BASE64URL.test(jwk.d)
  if (kind === 'private' && !hasPrivatePart) throw new EnvError(`${name} must be a private key (a JWK with "d").`)
  // A private key pasted where public ones go would be one copy-paste from the JWKS: refuse it loudly.
  if (kind === 'public' && jwk.d !== undefined) throw new EnvError(`${name} holds a private key ("d"): list only public keys there.`)
  const key: Ed25519Jwk = { kty: 'OKP', crv: 'Ed25519', x: jwk.x as string, ...(hasPrivatePart ? { d: jwk.d as string } : {}), ...(jwk.kid ? { kid: jwk.kid as string } : {}) }
  if (hasPrivatePart && publicPartOf(key) !== key.x) throw new EnvError(`${name}: "x" is not the public key of "d" (the JWKS would publish a key that verifies nothing).`)
  return key
}

function publicPartOf(jwk: Ed25519Jwk): string | null {
  try {
    return (createPublicKey(createPrivateKey({ key: { ...jwk }, format: 'jwk' })).export({ format: 'jwk' }) as { x?: string }).x ?? null
  } catch {
    return null
  }
}

function retiredKeys(raw: string | undefined): Ed25519Jwk[] {
  if (!raw?.trim()) return []
  const name = 'CERTIFICATE_RETIRED_PUBLIC_KEYS'
  const parsed = parseJson(name, raw)
  // Either a JWKS (what /api/certificates/jwks answered) or a bare array of keys.
  const keys = Array.isArray(parsed) ? parsed : (parsed as { keys?: unknown })?.keys
  if (!Array.isArray(keys)) throw new EnvError(`${name} must be a JWKS ({"keys":[…]}) or a JSON array of public JWKs.`)
  return keys.map((key) => ed25519Jwk(name, key, 'public'))
}

const cache = new Map<string, SigningKeySettings>()

/** Parsed once per distinct environment; a malformed key is an `EnvError` naming the variable. */
export function readSigningKeySettings(env: Env = process.env): SigningKeySettings {
  const isProduction = env.NODE_ENV === 'production'
  const rawCurrent = env.CERTIFICATE_SIGNING_KEY?.trim() ?? ''
  const rawRetired = env.CERTIFICATE_RETIRED_PUBLIC_KEYS ?? ''
  const cacheKey = JSON.stringify([isProduction, rawCurrent, rawRetired])
  const cached = cache.get(cacheKey)
  if (cached) return cached
  const settings: SigningKeySettings = {
    isProduction,
    current: rawCurrent ? ed25519Jwk('CERTIFICATE_SIGNING_KEY', parseJson('CERTIFICATE_SIGNING_KEY', rawCurrent), 'private') : null,
    retired: retiredKeys(rawRetired),
  }
  cache.set(cacheKey, settings)
  return settings
}

/**
 * Run at start (`onInit`): a malformed key stops the start with an error naming the variable, and
 * production without a signing key says so at once rather than at the first certificate.
 */
export function checkSigningKeyAtStart(logger: { error: (entry: { msg: string }) => void }, env: Env = process.env): void {
  const settings = readSigningKeySettings(env)
  if (settings.isProduction && !settings.current) {
    logger.error({ msg: 'CERTIFICATE_SIGNING_KEY is not set: certificates cannot be issued until it is (see .env.example).' })
  }
}
