import { NotFound, ValidationError, type Payload, type PayloadRequest } from 'payload'

import { sql, sqlFor } from '../enrollment/transaction'
import { say } from '../i18n/say'
import { getClock } from '../utilities/clock'
import { renderArtifacts } from './artifacts'
import { notifyCertificateIssued } from '../notifications/triggers/certificateIssued'
import { queueCertificateEmail } from './email'
import { snapshotColumns, snapshotFor } from './facts'
import { withRequest } from './lifecycle'
import { nextCertificateNumber } from './number'
import { newVerificationCode } from './verificationCode'

export { reissueCertificate, type ReissueCertificateInput } from './reissue'
export { revokeCertificate, type RevokeCertificateInput } from './revoke'

type Doc = Record<string, any>

export interface IssueCertificateInput {
  enrollmentId: number
  /** Why staff issued it by hand (kept on the certificate, shown to staff only). */
  note?: string | null
  /** The staff member issuing by hand; empty for the automatic issue. */
  issuedBy?: number | null
  /**
   * The automatic issue on completion: only for a confirmed, completed enrollment that never had a
   * certificate (one staff revoked is not issued again behind their back). Returns null when it does not apply.
   */
  automatic?: boolean
}

/** Locks the enrollment's row until the transaction ends, so two issuers for one enrollment queue instead of racing. */
async function lockEnrollment(req: PayloadRequest, enrollmentId: number): Promise<boolean> {
  const db = await sqlFor(req)
  const { rows } = await db.execute(sql`SELECT id FROM enrollments WHERE id = ${enrollmentId} FOR UPDATE`)
  return rows.length > 0
}

/**
 * Issues the enrollment's certificate: snapshot of what it says, next number of the year, a fresh
 * verification code, the PDF and the signed credential, and the email to the holder, all in one
 * transaction. Idempotent: when the enrollment already has a valid certificate, that one is returned.
 */
export async function issueCertificate(payload: Payload, input: IssueCertificateInput & { automatic: true }, req?: PayloadRequest): Promise<Doc | null>
export async function issueCertificate(payload: Payload, input: IssueCertificateInput, req?: PayloadRequest): Promise<Doc>
export async function issueCertificate(payload: Payload, input: IssueCertificateInput, req?: PayloadRequest): Promise<Doc | null> {
  const enrollmentId = Number(input.enrollmentId)
  return withRequest(payload, req, async (request) => {
    if (!Number.isInteger(enrollmentId) || enrollmentId <= 0) {
      throw new ValidationError({ errors: [{ path: 'enrollment', message: say(request, { es: 'Indica la inscripción (un id numérico).', en: 'Give the enrollment (a numeric id).' }) }] })
    }
    if (!(await lockEnrollment(request, enrollmentId))) throw new NotFound(request.t)
    const common = { depth: 0, overrideAccess: true, req: request } as const
    const { docs: earlier } = await payload.find({ collection: 'certificates', where: { enrollment: { equals: enrollmentId } }, sort: '-createdAt', limit: 50, pagination: false, ...common })
    const valid = earlier.find((doc) => doc.status === 'valid')
    if (valid) return valid
    const enrollment = (await payload.findByID({ collection: 'enrollments', id: enrollmentId, ...common })) as Doc
    if (input.automatic && (earlier.length || enrollment.status !== 'confirmed' || !enrollment.completedAt)) return null
    if (enrollment.status !== 'confirmed') {
      throw new ValidationError({ errors: [{ path: 'enrollment', message: say(request, { es: 'Solo se emiten certificados para inscripciones confirmadas.', en: 'Certificates are issued for confirmed enrollments only.' }) }] })
    }
    const now = getClock(payload).now()
    const { facts, year } = await snapshotFor(request, enrollment, now)
    // Last before writing: the year's counter row stays locked until this transaction commits.
    const number = await nextCertificateNumber(request, year)
    const created = await payload.create({
      collection: 'certificates',
      data: {
        number,
        verificationCode: newVerificationCode(),
        version: 1,
        status: 'valid',
        enrollment: enrollmentId,
        user: typeof enrollment.user === 'object' ? enrollment.user.id : enrollment.user,
        item: { relationTo: facts.item.relationTo, value: facts.item.id },
        ...snapshotColumns(facts),
        issuedAt: now.toISOString(),
        origin: input.automatic ? 'automatic' : 'manual',
        issuedBy: input.issuedBy ?? null,
        note: input.note?.trim() || null,
        validKey: String(enrollmentId),
      } as never,
      ...common,
    })
    const certificate = await renderArtifacts(request, created)
    await queueCertificateEmail(request, certificate)
    await notifyCertificateIssued(request, certificate)
    return certificate
  })
}
