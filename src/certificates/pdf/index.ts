import type { Payload, PayloadRequest } from 'payload'

import type { CertificateFacts } from '../types'
import { certificateVerifyPageUrl } from '../urls'
import type { ResolvedDesign } from './design'
import { readUploadBytes } from './images'
import { renderCertificate } from './render'
import { resolveDesign } from './resolveDesign'

export type { ResolvedDesign } from './design'
export { resolveDesign } from './resolveDesign'
export { storeCertificatePdf, certificateFileName } from './store'
export { readUploadBytes } from './images'

/** The design's pictures as bytes; one that cannot be read is left out rather than failing the certificate. */
export async function readDesignImages(payload: Payload, design: ResolvedDesign, req?: PayloadRequest) {
  const read = (image: ResolvedDesign['background']) => (image ? readUploadBytes(payload, 'media', image.filename, req).catch(() => null) : Promise.resolve(null))
  const [background, logo, signature] = await Promise.all([read(design.background), read(design.logo), read(design.signature)])
  return { background, logo, signature }
}

/**
 * The certificate's PDF: the design of its item (else category, else default), the frozen facts,
 * and a QR code of its public verification page.
 */
export async function buildCertificatePdf(payload: Payload, facts: CertificateFacts, req?: PayloadRequest): Promise<Uint8Array> {
  const design = await resolveDesign(payload, facts.item, req)
  return renderCertificate(facts, design, await readDesignImages(payload, design, req), certificateVerifyPageUrl(payload, facts.verificationCode))
}
