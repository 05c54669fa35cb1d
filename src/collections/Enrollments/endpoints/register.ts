import type { Endpoint } from 'payload'

import { bookGroup } from '../../../commerce/groups/bookGroup'
import { parseSellingInput } from '../../../commerce/registrationInput'
import { parseInput } from '../../../endpoints/parseInput'
import { readJsonBody } from '../../../endpoints/readJsonBody'
import { routeId } from '../../../endpoints/routeId'
import { PERSON_INPUT } from '../../../enrollment/personInput'
import { register } from '../../../enrollment/register'
import type { ItemCollection } from '../../../enrollment/statuses'
import { withCheckout } from '../../../payments/withCheckout'
import { publicEnrollment } from './publicEnrollment'

/**
 * `POST /api/webinars/:id/register` and `POST /api/courses/:id/enroll`. Anyone may call it:
 * anonymous callers name the person in the body; a logged-in user may send nothing. The answer
 * shows the registrant's own seat and never whether the person already had an account or a seat
 * (someone registering another person who is already registered gets the same answer as a new one).
 */
export const registerEndpoint = (collection: ItemCollection): Endpoint => ({
  path: collection === 'webinars' ? '/:id/register' : '/:id/enroll',
  method: 'post',
  handler: async (req) => {
    const itemId = routeId(req)
    const body = await readJsonBody(req)
    const selling = parseSellingInput(body)
    const idempotencyKey = req.headers.get('idempotency-key')
    if (selling.attendees) {
      // A group or company booking: one buyer, N named attendees, all seats or none (src/commerce/groups).
      const booked = await bookGroup(req, { collection, itemId, buyer: selling.buyer!, attendees: selling.attendees, couponCode: selling.couponCode, paymentMethod: selling.paymentMethod, idempotencyKey, marketingConsent: selling.marketingConsent })
      return Response.json(booked.answer, { status: 201, headers: booked.replayed ? { 'Idempotent-Replayed': 'true' } : {} })
    }
    const person =
      req.user?.collection === 'users' && body.email === undefined
        ? { userId: req.user.id as number }
        : parseInput(body, PERSON_INPUT, 'enrollments')
    const { couponCode, paymentMethod, marketingConsent } = selling
    const { enrollment: registered, replayed } = await register(req, { collection, itemId, person, idempotencyKey, source: 'web', couponCode, paymentMethod, marketingConsent })
    // Paid: the Stripe Checkout Session (checkoutUrl, holdExpiresAt) or the bank-transfer instructions,
    // arranged after the registration committed.
    const enrollment = await withCheckout(req, registered, { paymentMethod })
    return Response.json(
      { message: messageFor(String(enrollment.status)), doc: await publicEnrollment(req, enrollment, { ownView: 'userId' in person }) },
      { status: 201, headers: replayed ? { 'Idempotent-Replayed': 'true' } : {} },
    )
  },
})

const messageFor = (status: string) =>
  ({
    confirmed: 'You are registered.',
    waitlisted: 'The item is full: you are on the waiting list and will be told when a seat frees up.',
    pending_payment: 'Your seat is held until you pay.',
  })[status] ?? 'Registration received.'
