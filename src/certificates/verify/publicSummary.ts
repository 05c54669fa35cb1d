import type { Payload } from 'payload'

import { certificateJwksUrl, certificateVerifyApiUrl, certificateVerifyPageUrl } from '../urls'

type Doc = Record<string, any>

/** What anyone holding the code learns: the certificate itself, and of the person only the printed name. */
export interface CertificateVerification {
  status: 'valid' | 'revoked'
  number: string
  version: number
  holderName: string
  item: { type: 'webinar' | 'course'; title: string }
  hours: number
  /** `YYYY-MM-DD`, the calendar day in the item's zone. */
  completedOn: string
  issuedOn: string
  /** Null while valid. The reason is what staff typed when revoking (docs/after-event.md says it is public). */
  revocation: { revokedAt: string | null; reason: string } | null
  links: {
    page: string
    /** The signed Open Badges 3.0 credential (`application/vc+jwt`); null once revoked. */
    credential: string | null
    jwks: string
  }
}

/** The reason as published: one paragraph, bounded, whatever staff typed. */
const REASON_LIMIT = 300
const publicReason = (reason: unknown) => {
  const text = String(reason ?? '').replace(/\s+/g, ' ').trim()
  return text.length > REASON_LIMIT ? `${text.slice(0, REASON_LIMIT - 1)}…` : text
}

/**
 * Built field by field from an allow-list, never by copying the document: whatever fields the
 * certificates collection grows later (the enrollment, the user, staff notes, who revoked it), none
 * reaches the public answer unless it is added here on purpose.
 */
export function publicSummary(payload: Payload, certificate: Doc): CertificateVerification {
  const code = String(certificate.verificationCode)
  const revoked = certificate.status === 'revoked'
  const relationTo = (certificate.item as { relationTo?: string } | undefined)?.relationTo
  return {
    status: revoked ? 'revoked' : 'valid',
    number: String(certificate.number),
    version: Number(certificate.version ?? 1),
    holderName: String(certificate.holderName ?? ''),
    item: { type: relationTo === 'courses' ? 'course' : 'webinar', title: String(certificate.itemTitle ?? '') },
    hours: Number(certificate.hours ?? 0),
    completedOn: String(certificate.completedOn ?? ''),
    issuedOn: String(certificate.issuedOn ?? ''),
    revocation: revoked ? { revokedAt: certificate.revokedAt ? new Date(certificate.revokedAt).toISOString() : null, reason: publicReason(certificate.revokedReason) } : null,
    links: {
      page: certificateVerifyPageUrl(payload, code),
      credential: !revoked && certificate.credential ? `${certificateVerifyApiUrl(payload, code)}/credential` : null,
      jwks: certificateJwksUrl(payload),
    },
  }
}
