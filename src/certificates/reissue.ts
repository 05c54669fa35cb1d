import type { Payload, PayloadRequest } from 'payload'

import { notifyCertificateIssued } from '../notifications/triggers/certificateIssued'
import { getClock } from '../utilities/clock'
import { renderArtifacts } from './artifacts'
import { queueCertificateEmail } from './email'
import { snapshotColumns, snapshotFor } from './facts'
import { alreadyRevoked, lockCertificate, withRequest } from './lifecycle'

export interface ReissueCertificateInput {
  certificateId: number
  /** What was corrected (kept on the certificate for staff). */
  note?: string | null
  reissuedBy?: number | null
}

/**
 * A corrected version of a valid certificate (typically after fixing the person's name): same
 * number and verification code, version + 1, the snapshot taken again (the completion day is kept),
 * a new PDF and credential, and a new email. The previous version's unsent email is not sent.
 */
export async function reissueCertificate(payload: Payload, input: ReissueCertificateInput, req?: PayloadRequest): Promise<Record<string, any>> {
  return withRequest(payload, req, async (request) => {
    const certificate = await lockCertificate(request, input.certificateId)
    if (certificate.status !== 'valid') throw alreadyRevoked(request)
    const enrollment = await payload.findByID({ collection: 'enrollments', id: typeof certificate.enrollment === 'object' ? certificate.enrollment.id : certificate.enrollment, depth: 0, overrideAccess: true, req: request })
    const now = getClock(payload).now()
    const { facts } = await snapshotFor(request, enrollment, now)
    const updated = await payload.update({
      collection: 'certificates',
      id: certificate.id,
      data: {
        ...snapshotColumns({ ...facts, completedOn: certificate.completedOn }),
        version: Number(certificate.version ?? 1) + 1,
        issuedAt: now.toISOString(),
        note: input.note?.trim() || certificate.note || null,
        ...(input.reissuedBy ? { issuedBy: input.reissuedBy } : {}),
      } as never,
      depth: 0,
      overrideAccess: true,
      req: request,
    })
    const rendered = await renderArtifacts(request, updated)
    await queueCertificateEmail(request, rendered)
    await notifyCertificateIssued(request, rendered)
    return rendered
  })
}
