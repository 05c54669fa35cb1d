import type { PayloadRequest } from 'payload'

import type { PaymentMethodChoice } from '../commerce/registrationInput'
import { checkoutFor } from './checkout'
import { bankTransferFor } from '../commerce/manualPayments/bankTransfer'

/**
 * A registration's enrollment, with `checkoutUrl` and `holdExpiresAt` when it waits for payment by card,
 * or `bankTransfer` (reference, amount, deadline, bank details) and `holdExpiresAt` when it waits for a transfer.
 * Called by the REST endpoints and the GraphQL mutations once the registration has committed.
 */
export async function withCheckout(
  req: PayloadRequest,
  enrollment: Record<string, unknown>,
  options: { paymentMethod?: PaymentMethodChoice } = {},
): Promise<Record<string, unknown>> {
  if (enrollment.status !== 'pending_payment') return enrollment
  if (options.paymentMethod === 'bank_transfer') {
    // No Stripe: the seat is held for days and the buyer gets the bank details and a reference to quote.
    const bankTransfer = await bankTransferFor(req, enrollment)
    return { ...enrollment, holdExpiresAt: bankTransfer.holdExpiresAt, bankTransfer }
  }
  return { ...enrollment, ...(await checkoutFor(req, enrollment)) }
}
