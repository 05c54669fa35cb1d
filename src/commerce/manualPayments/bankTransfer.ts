import { APIError, type PayloadRequest } from 'payload'

import { inTransaction } from '../../enrollment/transaction'
import type { Payment } from '../../payload-types'
import { createPayment } from '../../payments/checkout'
import { lockPayment, paymentOfEnrollment, updatePayment } from '../../payments/payments'
import { getBillingSettings } from '../../settings/billingSettings'
import { getClock } from '../../utilities/clock'
import { queueTransferInstructionsEmail } from './emails'
import { newTransferReference } from './reference'
import { transferItemOf } from './transferItem'

/** What a bank-transfer registration answers instead of a `checkoutUrl` (REST `doc.bankTransfer`, GraphQL `bankTransfer`). */
export interface BankTransferInstructions {
  /** The code to quote in the transfer's concept, so staff can match the money to these seats. */
  reference: string
  amount: number
  currency: string
  /** The seats are freed if the money has not been recorded by then. */
  holdExpiresAt: string
  /** The seller's bank details, as staff wrote them in Facturación y cobros. */
  instructions: string
}

const DAY_MS = 24 * 60 * 60_000

/**
 * Turns a pending payment into a bank transfer waiting for the money: provider `manual`, method
 * `bank_transfer`, a reference to quote, and a hold of the item's `bankTransferHoldDays` (else the billing
 * settings') days, never past the item's start. The buyer is emailed the bank details once. Called after
 * the registration committed (one enrollment, or a group's one payment: src/commerce/groups). Calling it
 * again returns the same instructions and sends nothing new, so an Idempotency-Key replay is harmless.
 */
export async function startBankTransfer(req: PayloadRequest, { paymentId }: { paymentId: number }): Promise<BankTransferInstructions> {
  return inTransaction(req, async () => {
    const payment = await lockPayment(req, paymentId)
    if (!payment) throw new APIError('Not Found', 404, undefined, true)
    const { bankTransferDetails, bankTransferHoldDays } = await getBillingSettings(req.payload, req)
    if (payment.method === 'bank_transfer' && payment.reference) return instructionsOf(payment, bankTransferDetails)
    if (payment.status !== 'pending') {
      throw new APIError(`Payment ${paymentId} is ${payment.status}: only a pending payment can wait for a bank transfer.`, 409, undefined, true)
    }
    const item = await transferItemOf(req, payment)
    const days = item.bankTransferHoldDays ?? bankTransferHoldDays
    const now = getClock(req.payload).now().getTime()
    const holdEnds = Math.min(now + days * DAY_MS, item.startsAt ? item.startsAt.getTime() : Infinity)
    const updated = await updatePayment(req, payment, {
      provider: 'manual',
      method: 'bank_transfer',
      reference: await newTransferReference(req),
      holdExpiresAt: new Date(Math.max(holdEnds, now)).toISOString(),
    })
    await queueTransferInstructionsEmail(req, updated, item, bankTransferDetails)
    return instructionsOf(updated, bankTransferDetails)
  })
}

/** A single registration's bank transfer: its pending payment is created (or found on a replay) and started. */
export async function bankTransferFor(req: PayloadRequest, enrollment: Record<string, unknown>): Promise<BankTransferInstructions> {
  const payment = (await paymentOfEnrollment(req, Number(enrollment.id))) ?? (await createPayment(req, enrollment))
  return startBankTransfer(req, { paymentId: payment.id })
}

const instructionsOf = (payment: Payment, bankTransferDetails: string): BankTransferInstructions => ({
  reference: String(payment.reference),
  amount: Number(payment.amount),
  currency: String(payment.currency),
  holdExpiresAt: String(payment.holdExpiresAt),
  instructions: bankTransferDetails,
})
