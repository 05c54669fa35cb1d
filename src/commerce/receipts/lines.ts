import type { PayloadRequest } from 'payload'

import type { Enrollment, Payment } from '../../payload-types'
import { relationId } from '../../payments/payments'
import { enrollmentsOfPayment } from '../../payments/settle'
import { roundMoney } from './tax'

export interface ReceiptLine {
  description: string
  quantity: number
  unitPrice: number
  amount: number
}

type Language = 'es' | 'en'

const KIND_WORD: Record<string, Record<Language, string>> = {
  webinars: { es: 'Webinar', en: 'Webinar' },
  courses: { es: 'Curso', en: 'Course' },
}

async function itemTitleOf(req: PayloadRequest, enrollment: Enrollment | undefined, language: Language): Promise<string> {
  const item = enrollment?.item as { relationTo?: 'webinars' | 'courses'; value?: unknown } | undefined
  if (!item?.relationTo) return language === 'en' ? 'Registration' : 'Inscripción'
  const id = typeof item.value === 'object' && item.value ? (item.value as { id: number }).id : Number(item.value)
  const doc = await req.payload.findByID({ collection: item.relationTo, id, depth: 0, overrideAccess: true, disableErrors: true, req, select: { title: true } })
  return `${KIND_WORD[item.relationTo][language]}: ${doc?.title ?? `#${id}`}`
}

async function couponCodeOf(req: PayloadRequest, enrollment: Enrollment | undefined): Promise<string | null> {
  const couponId = relationId(enrollment?.coupon)
  if (!couponId) return null
  const doc = await req.payload.findByID({ collection: 'coupons', id: couponId, depth: 0, overrideAccess: true, disableErrors: true, req, select: { code: true } })
  return doc?.code ?? null
}

/** The price per seat before the coupon, the coupon's discount per seat and its code, as frozen when the seats were taken. */
interface SeatTerms {
  listPrice: number
  discount: number
  couponCode: string | null
}

/** A group's terms are on its booking (one price for every seat); a single seat's on its enrollment. */
async function seatTermsOf(req: PayloadRequest, payment: Payment, first: Enrollment | undefined): Promise<SeatTerms> {
  const bookingId = relationId(payment.booking)
  if (bookingId) {
    const booking = await req.payload.findByID({ collection: 'bookings', id: bookingId, depth: 0, overrideAccess: true, disableErrors: true, req })
    return { listPrice: Number(booking?.unitListPrice), discount: Number(booking?.unitDiscount) || 0, couponCode: booking?.couponCode ?? null }
  }
  const discount = Number(first?.discount) || 0
  return { listPrice: Number(first?.listPrice), discount, couponCode: discount > 0 ? await couponCodeOf(req, first) : null }
}

/**
 * What was bought: the item × seats at its price before any coupon, and the coupon's discount as its
 * own line, adding up to what the payment charged. When the frozen prices do not add up to the
 * payment (an older enrollment without them), one line at the amount paid says the truth instead.
 */
export async function receiptLinesOf(req: PayloadRequest, payment: Payment, language: Language): Promise<ReceiptLine[]> {
  const currency = String(payment.currency)
  const [first] = await enrollmentsOfPayment(req, payment)
  const seats = Math.max(1, Number(payment.seats) || 1)
  const total = roundMoney(Number(payment.amount), currency)
  const description = await itemTitleOf(req, first, language)
  const { listPrice, discount, couponCode } = await seatTermsOf(req, payment, first)
  if (Number.isFinite(listPrice) && listPrice > 0 && roundMoney((listPrice - discount) * seats, currency) === total) {
    const lines: ReceiptLine[] = [{ description, quantity: seats, unitPrice: listPrice, amount: roundMoney(listPrice * seats, currency) }]
    if (discount > 0) {
      const word = language === 'en' ? 'Coupon discount' : 'Descuento por cupón'
      lines.push({ description: couponCode ? `${word} ${couponCode}` : word, quantity: seats, unitPrice: -discount, amount: -roundMoney(discount * seats, currency) })
    }
    return lines
  }
  return [{ description, quantity: seats, unitPrice: roundMoney(total / seats, currency), amount: total }]
}
