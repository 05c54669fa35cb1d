import type { PayloadRequest } from 'payload'

import { registerEmailGuard } from '../email/guards'
import { queueEmail } from '../email/queueEmail'
import { certificatePdfBytes } from './pdfBytes'
import { certificateVerifyPageUrl } from './urls'

type Doc = Record<string, any>

const idOf = (value: unknown): number => Number(typeof value === 'object' && value ? (value as { id: number }).id : value)

/** One email per certificate version: a reissue (version 2) is a new email, a retry of version 1 is not. */
export const certificateEmailKey = (certificateId: number | string, version: number) => `certificate_issued:certificate-${certificateId}:v${version}`
const KEY_PATTERN = /^certificate_issued:certificate-(\d+):v(\d+)$/

const dayAsWritten = (day: string, language: string) => (language === 'en' ? day : day.split('-').reverse().join('/'))

/** Tells the holder their certificate (or its corrected version) is ready, with the PDF attached at send time. */
export async function queueCertificateEmail(req: PayloadRequest, certificate: Doc): Promise<void> {
  const user = await req.payload.findByID({ collection: 'users', id: idOf(certificate.user), depth: 0, overrideAccess: true, req })
  await queueEmail(req, {
    templateKey: 'certificate_issued',
    to: { email: user.email, language: certificate.language },
    dedupeKey: certificateEmailKey(certificate.id, certificate.version),
    relatedDocument: { relationTo: 'enrollments', value: idOf(certificate.enrollment) },
    variables: {
      firstName: user.firstName ?? '',
      lastName: user.lastName ?? '',
      email: user.email,
      title: certificate.itemTitle,
      holderName: certificate.holderName,
      certificateNumber: certificate.number,
      hours: String(certificate.hours ?? ''),
      completedOn: dayAsWritten(String(certificate.completedOn ?? ''), certificate.language),
      verifyUrl: certificateVerifyPageUrl(req.payload, certificate.verificationCode),
    },
  })
}

/**
 * At send time: a certificate revoked since, or replaced by a newer version, is not mailed; otherwise
 * its stored PDF is attached (read at send time: the email log keeps no PDF bytes).
 */
export function registerCertificateEmailGuard(): void {
  registerEmailGuard('certificate_issued', async ({ log, req }) => {
    const match = KEY_PATTERN.exec(String(log.dedupeKey))
    if (!match) return { send: true }
    const certificate = await req.payload.findByID({ collection: 'certificates', id: Number(match[1]), depth: 0, overrideAccess: true, disableErrors: true, req })
    if (!certificate) return { send: false, reason: 'the certificate no longer exists' }
    if (certificate.status !== 'valid') return { send: false, reason: 'the certificate was revoked' }
    if (Number(certificate.version) !== Number(match[2])) return { send: false, reason: 'a newer version of the certificate replaced this one' }
    const bytes = await certificatePdfBytes(req, certificate)
    return { send: true, attachments: [{ filename: `${certificate.number}.pdf`, content: Buffer.from(bytes), contentType: 'application/pdf' }] }
  })
}
