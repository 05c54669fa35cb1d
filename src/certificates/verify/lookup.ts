import type { Payload } from 'payload'

import { VERIFICATION_CODE_PATTERN } from '../verificationCode'

/** Only what the public answer and the public credential link are built from (publicSummary.ts). */
const PUBLIC_COLUMNS = {
  verificationCode: true,
  number: true,
  version: true,
  status: true,
  holderName: true,
  item: true,
  itemTitle: true,
  hours: true,
  completedOn: true,
  issuedOn: true,
  revokedAt: true,
  revokedReason: true,
  credential: true,
} as const

/**
 * The certificate a verification code names, or null. A code that cannot be one of ours (wrong
 * length or alphabet, an encoded slash, 10 kB of text) is answered like an unknown one without
 * reaching the database: same 404, nothing to probe.
 */
export async function findByVerificationCode(payload: Payload, code: unknown): Promise<Record<string, any> | null> {
  if (typeof code !== 'string' || !VERIFICATION_CODE_PATTERN.test(code)) return null
  const { docs } = await payload.find({
    collection: 'certificates',
    where: { verificationCode: { equals: code } },
    select: PUBLIC_COLUMNS,
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
  })
  return (docs[0] as Record<string, any> | undefined) ?? null
}
