import type { PayloadRequest } from 'payload'

import type { Payment } from '../../payload-types'
import { buyerOfPayment } from '../groups/buyerOfPayment'
import { getBusinessSettings } from '../../settings/businessSettings'
import { getBillingSettings } from '../../settings/billingSettings'
import { getClock } from '../../utilities/clock'
import { formatLocalDate, wallTimeIn } from '../../utilities/localTime'
import { toMinorUnits } from '../../payments/money'
import { queueReceiptEmail } from './email'
import { receiptLinesOf } from './lines'
import { nextReceiptNumber } from './number'
import { roundMoney, taxInside } from './tax'
import type { ReceiptDoc } from './types'

const common = (req: PayloadRequest) => ({ req, depth: 0, overrideAccess: true }) as const

const moneyIn = (payment: Payment | null | undefined) => payment?.status === 'succeeded' || payment?.status === 'refunded'

/** The total refunded so far: Stripe's cumulative figure, or all of it for a payment marked refunded without one. */
export function refundedSoFar(payment: Payment | null | undefined): number {
  if (!payment) return 0
  const recorded = Number(payment.amountRefunded) || 0
  const amount = Number(payment.amount) || 0
  if (recorded > 0) return Math.min(recorded, amount)
  return payment.status === 'refunded' ? amount : 0
}

/** The year the number belongs to and the day printed, both in the business's zone. */
async function dayOfIssue(req: PayloadRequest, now: Date): Promise<{ year: number; issuedOn: string }> {
  const { timezone } = await getBusinessSettings(req.payload, req)
  return { year: wallTimeIn(now, timezone).year, issuedOn: formatLocalDate(now, timezone) }
}

async function findByKey(req: PayloadRequest, issueKey: string): Promise<ReceiptDoc | null> {
  const { docs } = await req.payload.find({ collection: 'receipts', where: { issueKey: { equals: issueKey } }, limit: 1, pagination: false, ...common(req) })
  return (docs[0] as ReceiptDoc | undefined) ?? null
}

/** The payment's receipt, issued now when it has none: a frozen snapshot, then the next number, then the email. */
export async function ensureReceipt(req: PayloadRequest, payment: Payment): Promise<ReceiptDoc> {
  const issueKey = `receipt:payment-${payment.id}`
  const existing = await findByKey(req, issueKey)
  if (existing) return existing
  const now = getClock(req.payload).now()
  const seller = await getBillingSettings(req.payload, req)
  const buyer = await buyerOfPayment(req, payment)
  const currency = String(payment.currency)
  const total = roundMoney(Number(payment.amount), currency)
  const lines = await receiptLinesOf(req, payment, buyer.language)
  const { year, issuedOn } = await dayOfIssue(req, now)
  const number = await nextReceiptNumber(req, 'receipt', year)
  const receipt = (await req.payload.create({
    collection: 'receipts',
    data: {
      number,
      kind: 'receipt',
      issuedAt: now.toISOString(),
      payment: payment.id,
      user: payment.user ?? buyer.userId,
      buyerUser: buyer.userId,
      currency,
      total,
      ...taxInside(total, seller.taxRatePercent, currency),
      seller: { legalName: seller.legalName, taxId: seller.taxId, address: seller.address, email: seller.email },
      buyer: { name: buyer.name, email: buyer.email, company: buyer.company, taxId: buyer.taxId },
      lines,
      taxName: seller.taxName,
      taxRatePercent: seller.taxRatePercent,
      method: payment.method || 'card',
      language: buyer.language,
      issuedOn,
      issueKey,
    } as never,
    ...common(req),
  })) as ReceiptDoc
  await queueReceiptEmail(req, receipt)
  return receipt
}

/**
 * A credit note for what was refunded since the last one (partial refunds add up; a full refund credits
 * the rest), referencing the payment's receipt and made out to the same buyer and seller as that receipt.
 */
async function issueCreditNote(req: PayloadRequest, payment: Payment): Promise<ReceiptDoc | null> {
  const currency = String(payment.currency)
  const refunded = refundedSoFar(payment)
  const issueKey = `credit_note:payment-${payment.id}:refunded-${toMinorUnits(refunded, currency)}`
  const existing = await findByKey(req, issueKey)
  if (existing) return existing
  const receipt = await ensureReceipt(req, payment)
  const { docs: earlier } = await req.payload.find({
    collection: 'receipts',
    where: { and: [{ payment: { equals: payment.id } }, { kind: { equals: 'credit_note' } }] },
    limit: 1000,
    pagination: false,
    select: { total: true },
    ...common(req),
  })
  const credited = earlier.reduce((sum, doc) => sum + (Number(doc.total) || 0), 0)
  const total = roundMoney(refunded - credited, currency)
  if (total <= 0) return null
  const now = getClock(req.payload).now()
  const language = receipt.language === 'en' ? 'en' : 'es'
  const full = roundMoney(refunded, currency) >= roundMoney(Number(payment.amount), currency) && credited === 0
  const what = language === 'en' ? (full ? 'Refund of receipt' : 'Partial refund of receipt') : full ? 'Devolución del comprobante' : 'Devolución parcial del comprobante'
  const description = `${what} ${receipt.number}${receipt.lines?.[0]?.description ? ` (${receipt.lines[0].description})` : ''}`
  const { year, issuedOn } = await dayOfIssue(req, now)
  const number = await nextReceiptNumber(req, 'credit_note', year)
  const note = (await req.payload.create({
    collection: 'receipts',
    data: {
      number,
      kind: 'credit_note',
      issuedAt: now.toISOString(),
      payment: payment.id,
      creditFor: receipt.id,
      user: receipt.user,
      buyerUser: receipt.buyerUser,
      currency,
      total,
      ...taxInside(total, Number(receipt.taxRatePercent) || 0, currency),
      seller: receipt.seller,
      buyer: receipt.buyer,
      lines: [{ description, quantity: 1, unitPrice: total, amount: total }],
      taxName: receipt.taxName,
      taxRatePercent: receipt.taxRatePercent,
      method: receipt.method,
      language,
      reason: payment.refundReason ?? null,
      issuedOn,
      creditForNumber: receipt.number,
      issueKey,
    } as never,
    ...common(req),
  })) as ReceiptDoc
  await queueReceiptEmail(req, note)
  return note
}

/**
 * Called by the payments hook with the payment as it is now and as it was (null when just created),
 * inside the transaction that changed it: money in → its receipt; more refunded → a credit note.
 * Nothing else issues receipts.
 */
export async function issueReceiptsForPayment(req: PayloadRequest, payment: Payment, previous: Payment | null): Promise<void> {
  if (moneyIn(payment) && !moneyIn(previous)) await ensureReceipt(req, payment)
  if (refundedSoFar(payment) > refundedSoFar(previous)) await issueCreditNote(req, payment)
}
