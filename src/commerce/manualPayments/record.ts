import { APIError, type PayloadRequest } from 'payload'

import { inTransaction } from '../../enrollment/transaction'
import { say } from '../../i18n/say'
import type { Payment } from '../../payload-types'
import { expireCheckoutSession } from '../../payments/expireHolds'
import { formatAmount, toMinorUnits } from '../../payments/money'
import { lockPayment, updatePayment } from '../../payments/payments'
import { settlePayment } from '../../payments/settle'
import { getClock } from '../../utilities/clock'
import type { ManualEntryInput } from './entryInput'
import type { ManualMethod } from './methods'

export interface ManualPaymentResult {
  payment: Payment
  /** What happened, for the person who recorded it. */
  outcome: string
  /** True when this entry completed the payment: its seats went through `settlePayment`. */
  settled: boolean
  received: number
  due: number
  /** More than the amount arrived: flagged for review (the difference is to be given back). */
  overpaid: number
}

type Entry = NonNullable<Payment['manualEntries']>[number]

/**
 * Records money staff saw arrive (a bank transfer, a deposit, cash) on a payment that is not yet paid.
 * Entries accumulate; once they cover the payment's amount, the payment is settled through
 * `settlePayment`, the one door by which money confirms seats (every seat of a group too, and the
 * receipt follows from the payments hook). More than the amount is accepted but flagged for review.
 * A payment already paid or refunded is a 409: money recorded twice would confirm nothing new.
 * Runs in the caller's transaction when there is one, with the payment row locked.
 */
export async function recordManualPayment(req: PayloadRequest, paymentId: number, entry: ManualEntryInput): Promise<ManualPaymentResult> {
  const before = await req.payload.findByID({ collection: 'payments', id: paymentId, depth: 0, overrideAccess: true, disableErrors: true, req })
  if (!before) throw new APIError('Not Found', 404, undefined, true)
  assertStillOpen(req, before)
  // A card checkout still open at Stripe is closed first, so the buyer cannot pay a second time by card.
  if (before.checkoutSessionId && (before.status === 'pending' || before.status === 'failed') && !(await expireCheckoutSession(req, before))) {
    throw new APIError(
      say(req, { es: 'El pago con tarjeta se completó en Stripe mientras tanto: no registres este dinero.', en: 'The card payment completed at Stripe meanwhile: do not record this money.' }),
      409,
      undefined,
      true,
    )
  }
  return inTransaction(req, async () => {
    const payment = await lockPayment(req, paymentId)
    if (!payment) throw new APIError('Not Found', 404, undefined, true)
    assertStillOpen(req, payment)
    const entries: Entry[] = payment.manualEntries ?? []
    assertNotRecordedBefore(req, entries, entry)
    const recorded: Entry = {
      method: entry.method,
      reference: entry.reference ?? null,
      // Noon UTC: the same calendar day whichever zone reads it.
      receivedOn: `${entry.receivedOn}T12:00:00.000Z`,
      amount: entry.amount,
      recordedBy: typeof req.user?.id === 'number' ? req.user.id : null,
      recordedAt: getClock(req.payload).now().toISOString(),
      note: entry.note ?? null,
    }
    const all = [...entries, recorded]
    const currency = String(payment.currency)
    const receivedMinor = all.reduce((sum, row) => sum + toMinorUnits(Number(row.amount), currency), 0)
    const dueMinor = toMinorUnits(Number(payment.amount), currency)
    const fromMinor = (minor: number) => Number(formatAmount(minor / toMinorUnits(1, currency), currency))
    const received = fromMinor(receivedMinor)
    const due = fromMinor(dueMinor)
    if (receivedMinor < dueMinor) {
      const updated = await updatePayment(req, payment, { manualEntries: all, provider: 'manual', method: mainMethod(all, currency) })
      const left = formatAmount(fromMinor(dueMinor - receivedMinor), currency)
      const outcome = say(req, {
        es: `Pago parcial registrado: recibido ${formatAmount(received, currency)} de ${formatAmount(due, currency)} ${currency}; faltan ${left}. Los cupos siguen pendientes.`,
        en: `Part payment recorded: ${formatAmount(received, currency)} of ${formatAmount(due, currency)} ${currency} received; ${left} still due. The seats stay pending.`,
      })
      return { payment: updated, outcome, settled: false, received, due, overpaid: 0 }
    }
    const overpaid = fromMinor(receivedMinor - dueMinor)
    const review = overpaid > 0
      ? {
          needsReview: true,
          reviewReason: `Received ${formatAmount(received, currency)} ${currency} for ${formatAmount(due, currency)} ${currency}: ${formatAmount(overpaid, currency)} ${currency} to give back.`,
        }
      : {}
    const { outcome, payment: settled } = await settlePayment(req, payment, {
      manualEntries: all,
      provider: 'manual',
      method: mainMethod(all, currency),
      receivedAt: recorded.receivedOn,
      ...review,
    })
    return { payment: settled, outcome: overpaid > 0 ? `${outcome} Overpaid by ${formatAmount(overpaid, currency)} ${currency}: flagged for review.` : outcome, settled: true, received, due, overpaid }
  })
}

function assertStillOpen(req: PayloadRequest, payment: Payment) {
  if (payment.status === 'succeeded' || payment.status === 'refunded') {
    const state = say(req, payment.status === 'succeeded' ? { es: 'ya está pagado', en: 'is already paid' } : { es: 'fue reembolsado', en: 'was refunded' })
    throw new APIError(
      say(req, { es: `Este pago ${state}: no se registra dinero sobre él.`, en: `This payment ${state}: no money can be recorded on it.` }),
      409,
      { status: payment.status },
      true,
    )
  }
}

/** The same bank operation typed twice (a double click, two people at once) is a 409, not a second sum. */
function assertNotRecordedBefore(req: PayloadRequest, entries: Entry[], entry: ManualEntryInput) {
  if (!entry.reference) return
  const same = entries.find((row) => row.method === entry.method && String(row.reference ?? '').toLowerCase() === entry.reference!.toLowerCase())
  if (same) {
    throw new APIError(
      say(req, { es: `La operación ${entry.reference} ya está registrada en este pago.`, en: `Operation ${entry.reference} is already recorded on this payment.` }),
      409,
      { reference: entry.reference },
      true,
    )
  }
}

/** The method most of the money came by: what the receipt prints. */
function mainMethod(entries: Entry[], currency: string): ManualMethod {
  const totals = new Map<ManualMethod, number>()
  for (const row of entries) totals.set(row.method as ManualMethod, (totals.get(row.method as ManualMethod) ?? 0) + toMinorUnits(Number(row.amount), currency))
  return [...totals.entries()].sort((a, b) => b[1] - a[1])[0][0]
}
