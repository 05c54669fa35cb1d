import type { PayloadRequest } from 'payload'

import type { Payment } from '../../payload-types'
import { relationId } from '../../payments/payments'

export interface Buyer {
  userId: number | null
  name: string
  email: string
  company: string
  taxId: string
  language: 'es' | 'en'
}

/**
 * Who paid, for the receipt and its email: a group booking's buyer as frozen on the booking (name, company
 * and tax id as typed when booking), else the one enrollment's person with the company on their account.
 */
export async function buyerOfPayment(req: PayloadRequest, payment: Payment): Promise<Buyer> {
  const bookingId = relationId(payment.booking)
  if (bookingId) {
    const booking = await req.payload.findByID({ collection: 'bookings', id: bookingId, req, depth: 0, overrideAccess: true })
    const userId = relationId(booking.buyer)
    const account = userId ? await findUser(req, userId) : null
    return {
      userId,
      name: booking.buyerName || nameOf(account) || booking.buyerEmail,
      email: booking.buyerEmail,
      company: booking.company ?? '',
      taxId: booking.taxId ?? '',
      language: languageOf(account),
    }
  }
  const enrollmentId = relationId(payment.enrollment)
  const enrollment = enrollmentId ? await req.payload.findByID({ collection: 'enrollments', id: enrollmentId, req, depth: 0, overrideAccess: true, select: { user: true } }) : null
  const userId = relationId(payment.user) ?? relationId(enrollment?.user)
  const account = userId ? await findUser(req, userId) : null
  return { userId, name: nameOf(account) || String(account?.email ?? ''), email: String(account?.email ?? ''), company: account?.company ?? '', taxId: '', language: languageOf(account) }
}

type Account = { email?: string | null; firstName?: string | null; lastName?: string | null; company?: string | null; language?: string | null }

const findUser = (req: PayloadRequest, id: number): Promise<Account | null> =>
  req.payload
    .findByID({ collection: 'users', id, req, depth: 0, overrideAccess: true, disableErrors: true, select: { email: true, firstName: true, lastName: true, company: true, language: true } })
    .then((user) => (user as Account | null) ?? null)

const nameOf = (account: Account | null) => [account?.firstName, account?.lastName].filter(Boolean).join(' ')

const languageOf = (account: Account | null): 'es' | 'en' => (account?.language === 'en' ? 'en' : 'es')
