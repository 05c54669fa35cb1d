import { sql } from '@payloadcms/db-postgres/drizzle'
import type { PayloadRequest } from 'payload'

import { drizzleFor, rowsOf } from '../../email/database'
import { CONSENT_METHOD_CONTEXT } from './recordConsentChange'
import { normalizeAddress } from './suppression'

export interface FormConsentChoice {
  collection: 'users' | 'leads'
  id: number
  email: string
  /** What the form's checkbox said; `undefined` (not sent) changes nothing. */
  granted: boolean | undefined
}

/**
 * The consent checkbox of a public form (register, enroll, the lead form), in the caller's transaction.
 * Anyone can type any address into those forms, so: "no" is always honoured; "yes" is recorded (method
 * `form`) unless this address once withdrew consent or is suppressed — then only the person, logged in,
 * or staff can give it again. Either way the form's answer is the same (it must not tell what it found).
 */
export async function applyFormConsent(req: PayloadRequest, choice: FormConsentChoice): Promise<void> {
  if (choice.granted === undefined) return
  if (choice.granted && !isTheCaller(req, choice) && (await addressOptedOut(req, choice.email))) return
  await req.payload.update({
    collection: choice.collection,
    id: choice.id,
    data: { marketingConsent: { granted: choice.granted } },
    context: { [CONSENT_METHOD_CONTEXT]: 'form' },
    overrideAccess: true,
    depth: 0,
    req,
  })
}

const isTheCaller = (req: PayloadRequest, choice: FormConsentChoice) =>
  choice.collection === 'users' && req.user?.collection === 'users' && Number(req.user.id) === choice.id

/** The address is on the suppression list, or a user or lead with it took consent back. */
export async function addressOptedOut(req: PayloadRequest, email: string): Promise<boolean> {
  const db = await drizzleFor(req)
  const address = normalizeAddress(email)
  const rows = rowsOf<{ one: number }>(
    await db.execute(sql`
      SELECT 1 AS one WHERE EXISTS (SELECT 1 FROM email_suppressions WHERE email = ${address})
         OR EXISTS (SELECT 1 FROM users WHERE lower(email) = ${address} AND marketing_consent_withdrawn_at IS NOT NULL)
         OR EXISTS (SELECT 1 FROM leads WHERE lower(email) = ${address} AND marketing_consent_withdrawn_at IS NOT NULL)`),
  )
  return rows.length > 0
}
