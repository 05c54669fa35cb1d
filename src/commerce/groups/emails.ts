import type { PayloadRequest } from 'payload'

import { queueEmail } from '../../email/queueEmail'
import { bookingManageUrl } from '../../enrollment/cancelToken'
import type { Booking } from '../../payload-types'
import { relationId } from '../../payments/payments'
import { escapeHtml } from '../../utilities/escapeHtml'

/**
 * Tells the buyer the group is booked, listing who has a seat (the attendees get their own confirmations
 * from the enrollments' hooks). Once per booking, in the transaction that confirmed it.
 */
export async function queueGroupConfirmedEmail(req: PayloadRequest, booking: Booking, paymentId?: number): Promise<void> {
  const common = { req, depth: 0, overrideAccess: true } as const
  const buyer = await req.payload.findByID({ collection: 'users', id: relationId(booking.buyer)!, ...common })
  const ref = booking.item as { relationTo: 'webinars' | 'courses'; value: unknown }
  const item = (await req.payload.findByID({ collection: ref.relationTo, id: relationId(ref.value)!, trash: true, ...common })) as Record<string, any>
  const { docs: seats } = await req.payload.find({ collection: 'enrollments', where: { and: [{ booking: { equals: booking.id } }, { status: { in: ['confirmed', 'pending_payment'] } }] }, sort: 'id', depth: 1, overrideAccess: true, pagination: false, req, select: { user: true }, populate: { users: { email: true, firstName: true, lastName: true } } })
  const attendeeList = `<ul>${seats
    .map(({ user }) => user as { email: string; firstName?: string | null; lastName?: string | null })
    .map((user) => `<li>${escapeHtml([user.firstName, user.lastName].filter(Boolean).join(' '))} &lt;${escapeHtml(user.email)}&gt;</li>`)
    .join('')}</ul>`
  const siteUrl = (req.payload.config.custom?.siteUrl as string | undefined) ?? req.payload.config.serverURL
  const startsAt = ref.relationTo === 'webinars' ? item.startsAt : item.startDate
  await queueEmail(req, {
    templateKey: 'group_booking_confirmed',
    to: { email: booking.buyerEmail, language: (buyer as { language?: string | null }).language },
    dedupeKey: `group_booking_confirmed:${booking.id}`,
    relatedDocument: paymentId ? { relationTo: 'payments', value: paymentId } : { relationTo: 'users', value: Number(buyer.id) },
    variables: {
      firstName: buyer.firstName ?? '',
      lastName: buyer.lastName ?? '',
      email: booking.buyerEmail,
      title: String(item.title ?? ''),
      startsAt: startsAt ? new Date(startsAt).toISOString() : '',
      timezone: item.timezone || item.startsAt_tz || 'America/Lima',
      itemUrl: `${siteUrl}/${ref.relationTo}/${item.slug ?? item.id}`,
      amount: Number(booking.total).toFixed(2),
      currency: booking.currency,
      seats: String(booking.seats),
      company: booking.company ?? '',
      attendeeList,
      // The buyer's signed link to replace attendees before the start (src/commerce/bookingChanges).
      manageUrl: bookingManageUrl(req, booking.id),
    },
  })
}
