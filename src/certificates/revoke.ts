import { ValidationError, type Payload, type PayloadRequest } from 'payload'

import { say } from '../i18n/say'
import { getClock } from '../utilities/clock'
import { alreadyRevoked, lockCertificate, withRequest } from './lifecycle'

export interface RevokeCertificateInput {
  certificateId: number
  /** Required: the verification page says a certificate was revoked, and staff must be able to say why. */
  reason: string
  revokedBy?: number | null
}

export const REVOKE_REASON_MAX = 1000

/**
 * Revokes a valid certificate: it stays (its number is never reused) and its verification says
 * "revoked"; the enrollment may then get a new certificate by hand. A queued email for it is not sent.
 */
export async function revokeCertificate(payload: Payload, input: RevokeCertificateInput, req?: PayloadRequest): Promise<Record<string, any>> {
  const reason = typeof input.reason === 'string' ? input.reason.trim() : ''
  return withRequest(payload, req, async (request) => {
    if (!reason) throw new ValidationError({ errors: [{ path: 'reason', message: say(request, { es: 'Indica el motivo de la revocación.', en: 'Give the reason for the revocation.' }) }] })
    if (reason.length > REVOKE_REASON_MAX) {
      throw new ValidationError({ errors: [{ path: 'reason', message: say(request, { es: `El motivo admite hasta ${REVOKE_REASON_MAX} caracteres.`, en: `The reason takes up to ${REVOKE_REASON_MAX} characters.` }) }] })
    }
    const certificate = await lockCertificate(request, input.certificateId)
    if (certificate.status !== 'valid') throw alreadyRevoked(request)
    return payload.update({
      collection: 'certificates',
      id: certificate.id,
      data: {
        status: 'revoked',
        revokedReason: reason,
        revokedAt: getClock(payload).now().toISOString(),
        revokedBy: input.revokedBy ?? null,
        validKey: null,
      } as never,
      depth: 0,
      overrideAccess: true,
      req: request,
    })
  })
}
