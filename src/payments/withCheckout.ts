import type { PayloadRequest } from 'payload'

import { checkoutFor } from './checkout'

/**
 * A registration's enrollment, with `checkoutUrl` and `holdExpiresAt` when it waits for payment.
 * Called by the REST endpoints and the GraphQL mutations once the registration has committed.
 */
export async function withCheckout(req: PayloadRequest, enrollment: Record<string, unknown>): Promise<Record<string, unknown>> {
  if (enrollment.status !== 'pending_payment') return enrollment
  return { ...enrollment, ...(await checkoutFor(req, enrollment)) }
}
