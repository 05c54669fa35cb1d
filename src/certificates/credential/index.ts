import { SignJWT } from 'jose'
import type { Payload, PayloadRequest } from 'payload'

import { getClock } from '../../utilities/clock'
import type { CertificateFacts } from '../types'
import { certificateVerifyApiUrl } from '../urls'
import { currentSigningKey } from './keys/keyRing'
import { openBadgeCredential } from './openBadge'

/** JOSE header `typ` of a VC 2.0 credential secured as a JWT (W3C VC-JOSE-COSE, media type `application/vc+jwt`). */
export const CREDENTIAL_JWT_TYPE = 'vc+jwt'

const issuerOf = (payload: Payload) => ({
  id: payload.config.serverURL,
  // The name every email of this business goes out under (EMAIL_FROM_NAME).
  name: (payload.email as { defaultFromName?: string } | undefined)?.defaultFromName || 'Aula',
  url: (payload.config.custom?.siteUrl as string | undefined) || payload.config.serverURL,
})

/**
 * The certificate as an Open Badges 3.0 credential, signed as a compact JWS (EdDSA over Ed25519,
 * `kid` naming the key in GET /api/certificates/jwks). Anyone holding it can check it offline with
 * the published keys; whether it was revoked since is answered at its `id`, the verify API.
 * `req` is accepted so callers inside a transaction can pass it, but signing reads and writes
 * nothing in that transaction: a development key is stored outside it (keys/storedKey.ts).
 */
export async function signCertificateCredential(payload: Payload, facts: CertificateFacts, _req?: PayloadRequest): Promise<string> {
  const { kid, privateKey } = await currentSigningKey(payload)
  const issuer = issuerOf(payload)
  // Whole seconds, so `validFrom` and the JWT's `nbf`/`iat` state the same instant.
  const signedAt = new Date(Math.floor(getClock(payload).now().getTime() / 1000) * 1000)
  const statusUrl = certificateVerifyApiUrl(payload, facts.verificationCode)
  const credential = openBadgeCredential({
    facts,
    issuer,
    statusUrl,
    achievementId: `${payload.config.serverURL}/api/${facts.item.relationTo}/${facts.item.id}`,
    validFrom: signedAt,
  })
  const seconds = signedAt.getTime() / 1000
  return new SignJWT(credential)
    .setProtectedHeader({ alg: 'EdDSA', kid, typ: CREDENTIAL_JWT_TYPE, cty: 'vc' })
    .setIssuer(issuer.id)
    .setJti(statusUrl)
    .setIssuedAt(seconds)
    .setNotBefore(seconds)
    .sign(privateKey)
}
