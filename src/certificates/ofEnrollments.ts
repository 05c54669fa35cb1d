import type { PayloadRequest } from 'payload'

export interface EnrollmentCertificate {
  id: number
  number: string
  status: 'valid' | 'revoked'
  version: number
}

/**
 * Each enrollment's certificate as lists show it: the valid one, else the newest revoked one. One
 * query for the whole page; the caller has already checked it may read these enrollments.
 */
export async function certificatesOfEnrollments(req: PayloadRequest, enrollmentIds: number[]): Promise<Map<number, EnrollmentCertificate>> {
  const found = new Map<number, EnrollmentCertificate>()
  if (!enrollmentIds.length) return found
  const { docs } = await req.payload.find({
    collection: 'certificates',
    where: { enrollment: { in: enrollmentIds } },
    select: { enrollment: true, number: true, status: true, version: true },
    sort: 'createdAt',
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  for (const doc of docs) {
    const enrollmentId = Number(typeof doc.enrollment === 'object' ? doc.enrollment.id : doc.enrollment)
    const shown = found.get(enrollmentId)
    if (shown?.status === 'valid') continue
    found.set(enrollmentId, { id: doc.id as number, number: String(doc.number), status: doc.status === 'revoked' ? 'revoked' : 'valid', version: Number(doc.version ?? 1) })
  }
  return found
}

/** The "Certificado" cell: the number, marked when it was revoked; empty without a certificate. */
export const certificateCell = (certificate: EnrollmentCertificate | null | undefined, language: 'es' | 'en'): string =>
  !certificate ? '' : certificate.status === 'valid' ? certificate.number : `${certificate.number} (${language === 'en' ? 'revoked' : 'revocado'})`
