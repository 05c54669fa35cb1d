import type { PayloadRequest } from 'payload'

import { signCertificateCredential } from './credential'
import { factsOf } from './facts'
import { buildCertificatePdf, storeCertificatePdf } from './pdf'

type Doc = Record<string, any>

/**
 * Draws the certificate's PDF, stores it as an upload and signs its credential, from the stored
 * snapshot, then saves both on the certificate (inside the caller's transaction: an issue that fails
 * here leaves no certificate, no number and no file row behind).
 */
export async function renderArtifacts(req: PayloadRequest, certificate: Doc): Promise<Doc> {
  const { payload } = req
  const facts = factsOf(certificate)
  const bytes = await buildCertificatePdf(payload, facts, req)
  const pdf = await storeCertificatePdf(payload, { certificateId: certificate.id, number: facts.number, version: facts.version, bytes }, req)
  const credential = await signCertificateCredential(payload, facts, req)
  return payload.update({
    collection: 'certificates',
    id: certificate.id,
    data: { pdf, credential },
    depth: 0,
    overrideAccess: true,
    req,
  })
}
