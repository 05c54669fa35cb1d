import { APIError, ValidationError, type PayloadRequest } from 'payload'

import type { PersonInput } from '../../enrollment/findOrCreatePerson'
import { claimIdempotencyKey, type IdempotencyClaim } from '../../enrollment/idempotency'
import type { ItemCollection } from '../../enrollment/statuses'
import { inTransaction } from '../../enrollment/transaction'
import type { Booking } from '../../payload-types'
import { assertPaymentMethodAllowed } from '../manualPayments/allowed'
import type { BuyerInput, PaymentMethodChoice } from '../registrationInput'
import { arrangeGroupPayment } from './arrangePayment'
import { queueGroupConfirmedEmail } from './emails'
import { bookingMessage, publicBooking, seatsOfBooking } from './publicBooking'
import { reserveSeats } from './reserveSeats'

export interface GroupBookingInput {
  collection: ItemCollection
  itemId: number
  buyer: BuyerInput
  /** Already parsed: emails trimmed and lower-cased, no repeats (src/commerce/registrationInput.ts). */
  attendees: PersonInput[]
  couponCode?: string
  paymentMethod: PaymentMethodChoice
  idempotencyKey?: string | null
  /** The buyer's marketing checkbox (the person filling in the form; attendees said nothing). src/automation/consent. */
  marketingConsent?: boolean
}

export interface GroupBookingResult {
  /** The JSON body the REST endpoint answers with (201), and the GraphQL mutation returns. */
  answer: Record<string, unknown>
  replayed: boolean
}

/**
 * Books N seats for named people, paid by one buyer: every attendee gets a seat or nothing is written
 * (not even the buyer's or an attendee's new account). Paid seats share one payment, arranged after the
 * booking committed: a Stripe Checkout for N seats or a bank transfer. See docs/decisions/0019-group-bookings.md.
 */
export async function bookGroup(req: PayloadRequest, input: GroupBookingInput): Promise<GroupBookingResult> {
  await assertPaymentMethodAllowed(req, input.collection, input.itemId, input.paymentMethod)
  const claim = claimIdempotencyKey(req, input.idempotencyKey, {
    group: true,
    collection: input.collection,
    itemId: input.itemId,
    buyer: input.buyer,
    attendees: input.attendees,
    couponCode: input.couponCode?.trim().toUpperCase(),
    paymentMethod: input.paymentMethod,
  })
  for (let attempt = 1; ; attempt += 1) {
    const replay = claim ? await findBookingReplay(req, claim) : undefined
    if (replay) return { answer: await answerFor(req, replay), replayed: true }
    try {
      const reserved = await inTransaction(req, async () => {
        const result = await reserveSeats(req, input, claim)
        if (!result.paymentId) await queueGroupConfirmedEmail(req, result.booking)
        return result
      })
      return { answer: await answerFor(req, reserved.booking, reserved.paymentId), replayed: false }
    } catch (error) {
      // Two requests with one Idempotency-Key (or one new buyer's email) raced on a unique key: the loser looks again.
      if (attempt === 1 && isUniqueClash(error)) continue
      throw error
    }
  }
}

async function answerFor(req: PayloadRequest, booking: Booking, knownPaymentId?: number | null): Promise<Record<string, unknown>> {
  const paymentId = knownPaymentId ?? (await paymentIdOf(req, booking.id))
  const payment = paymentId && booking.status === 'pending_payment' ? await arrangeGroupPayment(req, paymentId, booking.paymentMethod ?? 'card') : {}
  const current = await req.payload.findByID({ collection: 'bookings', id: booking.id, req, depth: 0, overrideAccess: true })
  return { message: bookingMessage(current.status), booking: publicBooking(current), enrollments: await seatsOfBooking(req, booking.id), ...payment }
}

async function paymentIdOf(req: PayloadRequest, bookingId: number): Promise<number | null> {
  const { docs } = await req.payload.find({ collection: 'payments', where: { booking: { equals: bookingId } }, sort: '-createdAt', limit: 1, depth: 0, overrideAccess: true, pagination: false, req, select: {} })
  return docs[0]?.id ?? null
}

/** The booking an earlier request with this key made; the key reused for another request is a 422, as registrations do. */
async function findBookingReplay(req: PayloadRequest, claim: IdempotencyClaim): Promise<Booking | undefined> {
  const { docs } = await req.payload.find({ collection: 'bookings', where: { idempotencyKey: { equals: claim.key } }, limit: 1, depth: 0, overrideAccess: true, pagination: false })
  const prior = docs[0] as (Booking & { idempotencyRequest?: string }) | undefined
  if (!prior) return undefined
  if (prior.idempotencyRequest !== claim.request) {
    throw new APIError('This Idempotency-Key was already used for a different request. Send a new key for each new booking.', 422, undefined, true)
  }
  return prior
}

const isUniqueClash = (error: unknown) =>
  error instanceof ValidationError && (error.data?.errors ?? []).some((problem: { path?: string }) => ['email', 'idempotencyKey'].includes(String(problem.path)))
