import type { PayloadRequest } from 'payload'

import { queueEmail } from '../email/queueEmail'
import type { Payment } from '../payload-types'
import { formatAmount } from './money'
import { relationId } from './payments'
import { paymentSettings } from './settings'

/**
 * The two emails payments send themselves (status emails such as "confirmed" or "cancelled" come
 * from the enrollments hooks). Queued with `req`, so they commit with the event that caused them.
 */
export async function queuePaymentFailedEmail(req: PayloadRequest, payment: Payment, eventId: string, reason: string): Promise<void> {
  const { to, variables } = await emailFacts(req, payment)
  await queueEmail(req, {
    templateKey: 'payment_failed',
    to,
    dedupeKey: `payment_failed:${payment.id}:${eventId}`,
    relatedDocument: { relationTo: 'payments', value: payment.id },
    // itemUrl: where to try again, the still-open Checkout Session while the seat is held.
    variables: { ...variables, reason, itemUrl: payment.checkoutUrl ?? variables.itemUrl },
  })
}

/** Money arrived after the hold expired and the seat was gone: the buyer is told it comes back. */
export async function queueSeatTakenRefundEmail(req: PayloadRequest, payment: Payment, reason: string): Promise<void> {
  const { to, variables } = await emailFacts(req, payment)
  await queueEmail(req, {
    templateKey: 'enrollment_cancelled',
    to,
    dedupeKey: `enrollment_cancelled:seat_taken_refund:${payment.id}`,
    relatedDocument: { relationTo: 'payments', value: payment.id },
    variables: { ...variables, reason: `${reason} We are refunding your payment in full.` },
  })
}

async function emailFacts(req: PayloadRequest, payment: Payment) {
  const common = { req, depth: 0, overrideAccess: true } as const
  const user = await req.payload.findByID({ collection: 'users', id: relationId(payment.user)!, ...common })
  const enrollment = await req.payload.findByID({ collection: 'enrollments', id: relationId(payment.enrollment)!, ...common })
  const ref = enrollment.item as { relationTo: 'webinars' | 'courses'; value: unknown }
  const item = (await req.payload.findByID({ collection: ref.relationTo, id: relationId(ref.value)!, ...common })) as {
    title?: string
    slug?: string
    startsAt?: string
    startDate?: string
    timezone?: string
  }
  const { serverUrl } = paymentSettings(req.payload)
  return {
    to: { email: String(user.email), language: (user as { language?: string | null }).language },
    variables: {
      firstName: user.firstName ?? '',
      lastName: user.lastName ?? '',
      email: String(user.email),
      title: item.title ?? '',
      startsAt: item.startsAt ?? item.startDate ?? '',
      timezone: item.timezone ?? '',
      itemUrl: `${serverUrl}/${ref.relationTo}/${item.slug ?? relationId(ref.value)}`,
      amount: formatAmount(payment.amount, payment.currency),
      currency: payment.currency,
    },
  }
}
