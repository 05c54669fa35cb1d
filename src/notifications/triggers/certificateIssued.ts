import type { PayloadRequest } from 'payload'

import { certificateVerifyPageUrl } from '../../certificates/urls'
import { notify } from '../notify'
import { personOf, quoted } from './links'

/** The certificate as issue.ts and reissue.ts hold it (a plain document). */
type IssuedCertificate = Record<string, unknown>

/** The holder, beside the email with the PDF; the link is the certificate's public page (what its QR code opens). */
export async function notifyCertificateIssued(req: PayloadRequest, certificate: IssuedCertificate): Promise<void> {
  await notify(req, {
    kind: 'certificate_issued',
    to: personOf(certificate.user),
    title: { es: `Tu certificado de ${quoted(String(certificate.itemTitle ?? ''))}`, en: `Your certificate for ${quoted(String(certificate.itemTitle ?? ''))}` },
    body: {
      es: `Certificado n.º ${String(certificate.number)}: te lo enviamos en PDF por correo y cualquiera puede verificarlo en este enlace.`,
      en: `Certificate no. ${String(certificate.number)}: the PDF is in your email, and anyone can verify it at this link.`,
    },
    link: certificateVerifyPageUrl(req.payload, String(certificate.verificationCode)),
    document: { collection: 'certificates', id: Number(certificate.id) },
    dedupeKey: `certificate_issued:${String(certificate.id)}:v${Number(certificate.version ?? 1)}`,
  })
}
