import { generateKeyPairSync } from 'node:crypto'

import { sql } from '@payloadcms/db-postgres/drizzle'
import type { Payload } from 'payload'

import { poolDrizzle, rowsOf } from '../../../email/database'
import type { Ed25519Jwk } from './settings'

const SLOT = 'development'

const newPrivateJwk = (): Ed25519Jwk => generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }) as Ed25519Jwk

/**
 * The database's own signing key, generated on first use and kept for good (like the dev secret in
 * `.data/`): credentials signed yesterday still verify today. Outside the caller's transaction on
 * purpose: a rolled-back issue must not take the key with it, and concurrent first issues all end
 * up with the one row that won the insert.
 */
export async function databaseSigningKey(payload: Payload): Promise<Ed25519Jwk> {
  const db = poolDrizzle(payload)
  const candidate = newPrivateJwk()
  await db.execute(sql`
    INSERT INTO certificate_signing_keys (slot, private_jwk) VALUES (${SLOT}, ${JSON.stringify(candidate)}::jsonb)
    ON CONFLICT (slot) DO NOTHING`)
  return (await existingDatabaseSigningKey(payload)) as Ed25519Jwk
}

/** The stored key when one exists, without creating it (an anonymous JWKS read must not write). */
export async function existingDatabaseSigningKey(payload: Payload): Promise<Ed25519Jwk | null> {
  const [row] = rowsOf<{ private_jwk: Ed25519Jwk | string }>(
    await poolDrizzle(payload).execute(sql`SELECT private_jwk FROM certificate_signing_keys WHERE slot = ${SLOT}`),
  )
  if (!row) return null
  return typeof row.private_jwk === 'string' ? (JSON.parse(row.private_jwk) as Ed25519Jwk) : row.private_jwk
}
