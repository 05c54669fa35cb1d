import type { Endpoint } from 'payload'

import { quotePrice } from '../../../commerce/coupons/quote'
import { MAX_ATTENDEES_PER_REQUEST } from '../../../commerce/registrationInput'
import { parseInput } from '../../../endpoints/parseInput'
import { routeId } from '../../../endpoints/routeId'
import type { ItemCollection } from '../../../enrollment/statuses'

const QUOTE_INPUT = {
  couponCode: { kind: 'string', maxLength: 64 },
  seats: { kind: 'integer', min: 1, max: MAX_ATTENDEES_PER_REQUEST },
} as const

/**
 * `GET /api/webinars/:id/price?couponCode=…&seats=…` (and courses): the price a person would pay
 * now, or why the code does not apply (200 either way; a malformed query is a 400 naming the field).
 * Anyone may ask; it is counted like a public write per client address (src/rateLimit/rules.ts), so
 * codes cannot be guessed faster than registrations could try them.
 */
export const priceQuoteEndpoint = (collection: ItemCollection): Endpoint => ({
  path: '/:id/price',
  method: 'get',
  handler: async (req) => {
    const itemId = routeId(req)
    const query = Object.fromEntries(['couponCode', 'seats'].map((name) => [name, req.searchParams.get(name) ?? undefined]))
    const { couponCode, seats } = parseInput(query, QUOTE_INPUT)
    const quote = await quotePrice(req, collection, itemId, { couponCode, seats: seats ?? 1 })
    return Response.json(quote, { headers: { 'Cache-Control': 'no-store' } })
  },
})
