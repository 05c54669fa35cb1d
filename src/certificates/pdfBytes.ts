import type { PayloadRequest } from 'payload'

import { factsOf } from './facts'
import { buildCertificatePdf, readUploadBytes } from './pdf'

type Doc = Record<string, any>

/**
 * The PDF of the certificate's current version: the stored upload (local disk or S3), else drawn
 * again from the frozen facts (same words; only a changed design would look different).
 */
export async function certificatePdfBytes(req: PayloadRequest, certificate: Doc): Promise<Uint8Array> {
  const fileId = typeof certificate.pdf === 'object' && certificate.pdf ? certificate.pdf.id : certificate.pdf
  if (fileId) {
    const file = await req.payload.findByID({ collection: 'certificate-files', id: fileId, depth: 0, overrideAccess: true, disableErrors: true, req })
    const stored = file?.filename ? await readUploadBytes(req.payload, 'certificate-files', file.filename, req) : null
    if (stored) return stored
  }
  return buildCertificatePdf(req.payload, factsOf(certificate), req)
}
