import { APIError, ValidationError, type PayloadRequest } from 'payload'

import { inTransaction } from '../../enrollment/transaction'
import { say } from '../../i18n/say'
import type { Enrollment, Payment } from '../../payload-types'
import { paymentOfEnrollment, relationId } from '../../payments/payments'
import type { ManualEntryInput } from './entryInput'
import { recordManualPayment, type ManualPaymentResult } from './record'

/**
 * Money for an enrollment waiting for payment, recorded from the enrollment: on its payment when it has one
 * (its own, or its group booking's), else on a new manual payment for its amount. That covers a paid seat
 * staff created by hand, which has no payment (nor a hold that expires) until someone records the money.
 */
export async function recordPaymentForEnrollment(req: PayloadRequest, enrollmentId: number, entry: ManualEntryInput): Promise<ManualPaymentResult> {
  const enrollment = await req.payload.findByID({ collection: 'enrollments', id: enrollmentId, depth: 0, overrideAccess: true, disableErrors: true, req })
  if (!enrollment) throw new APIError('Not Found', 404, undefined, true)
  if (enrollment.status !== 'pending_payment') {
    throw new APIError(
      say(req, {
        es: `Esta inscripción está en ${enrollment.status}: solo se registra dinero para una que espera su pago (o en su pago, si el plazo venció).`,
        en: `This enrollment is ${enrollment.status}: money is recorded only for one waiting for payment (or on its payment, when the hold ended).`,
      }),
      409,
      { status: enrollment.status },
      true,
    )
  }
  const existing = await paymentFor(req, enrollment)
  if (existing) return recordManualPayment(req, existing.id, entry)
  try {
    return await inTransaction(req, async () => {
      const payment = await req.payload.create({
        collection: 'payments',
        req,
        overrideAccess: true,
        depth: 0,
        data: {
          enrollment: enrollment.id,
          user: relationId(enrollment.user),
          status: 'pending',
          provider: 'manual',
          method: entry.method,
          amount: Number(enrollment.amount),
          currency: String(enrollment.currency),
        },
      })
      return recordManualPayment(req, payment.id, entry)
    })
  } catch (error) {
    // Two people recorded at once: the other one's payment exists now, so this entry goes on it.
    const clash = error instanceof ValidationError && (error.data?.errors ?? []).some((problem: { path?: string }) => problem.path === 'enrollment')
    const winner = clash ? await paymentOfEnrollment(req, enrollment.id) : null
    if (winner) return recordManualPayment(req, winner.id, entry)
    throw error
  }
}

/** The enrollment's own payment, or its group booking's one payment (which points at the first attendee). */
async function paymentFor(req: PayloadRequest, enrollment: Enrollment): Promise<Payment | null> {
  const own = await paymentOfEnrollment(req, enrollment.id)
  const bookingId = relationId(enrollment.booking)
  if (own || !bookingId) return own
  const { docs } = await req.payload.find({ collection: 'payments', where: { booking: { equals: bookingId } }, sort: '-createdAt', limit: 1, depth: 0, overrideAccess: true, pagination: false, req })
  return docs[0] ?? null
}
