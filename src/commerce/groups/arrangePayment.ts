import { APIError, type PayloadRequest } from 'payload'

import { endEnrollment } from '../../enrollment/cancel'
import { inTransaction } from '../../enrollment/transaction'
import { attachSession } from '../../payments/checkout'
import { expireUnopenedCheckout, lockPayment } from '../../payments/payments'
import { enrollmentsOfPayment } from '../../payments/settle'
import { startBankTransfer, type BankTransferInstructions } from '../manualPayments/bankTransfer'
import type { PaymentMethodChoice } from '../registrationInput'

export type GroupPaymentAnswer = { checkoutUrl: string; holdExpiresAt: string } | { bankTransfer: BankTransferInstructions; holdExpiresAt: string }

/**
 * Where the buyer pays a booking's one payment, arranged after the booking committed (no row lock is held
 * across the call to Stripe): a Stripe Checkout Session for N seats, or the bank-transfer instructions.
 * Called again on an Idempotency-Key replay, it returns the same session or the same instructions.
 * When Stripe cannot be reached every seat is released and the caller gets a 502, as a single registration does.
 */
export async function arrangeGroupPayment(req: PayloadRequest, paymentId: number, method: PaymentMethodChoice): Promise<GroupPaymentAnswer> {
  if (method === 'bank_transfer') {
    const bankTransfer = await startBankTransfer(req, { paymentId })
    return { bankTransfer, holdExpiresAt: bankTransfer.holdExpiresAt }
  }
  const payment = await req.payload.findByID({ collection: 'payments', id: paymentId, req, depth: 0, overrideAccess: true })
  const [first] = await enrollmentsOfPayment(req, payment)
  try {
    return await attachSession(req, first as unknown as Record<string, unknown>, payment)
  } catch (error) {
    req.payload.logger.error({ err: error, msg: `Stripe Checkout failed for group payment ${paymentId}` })
    await releaseGroup(req, paymentId)
    throw new APIError('The payment provider could not be reached, so the seats were released. Please try again in a moment.', 502, undefined, true)
  }
}

/** Every seat back, the payment expired, and the Idempotency-Key freed so the buyer's retry books afresh. */
async function releaseGroup(req: PayloadRequest, paymentId: number) {
  await inTransaction(req, async () => {
    const payment = await lockPayment(req, paymentId)
    if (!payment) return
    for (const enrollment of await enrollmentsOfPayment(req, payment)) {
      if (enrollment.status === 'pending_payment') await endEnrollment(req, enrollment.id, { reason: 'The payment provider could not be reached.' })
    }
    await expireUnopenedCheckout(req, paymentId)
    await req.payload.update({ collection: 'bookings', id: Number(payment.booking), req, overrideAccess: true, depth: 0, data: { status: 'expired', idempotencyKey: null } })
  })
}
