import type { CustomOperation } from '../../openapi/customOperations'

/** Coupons' own endpoints, as OpenAPI entries (spread into src/openapi/customOperations.ts). */
const json = (schema: Record<string, unknown>) => ({ 'application/json': { schema } })
const errors = json({ $ref: '#/components/schemas/Errors' })
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } }
const money = { type: 'number' }

const quote = {
  type: 'object',
  properties: {
    currency: { type: 'string' },
    listPrice: { ...money, description: 'Per seat, before the coupon (the early-bird or the regular price).' },
    priceTier: { type: 'string', enum: ['free', 'regular', 'early_bird'] },
    discount: { ...money, description: 'Per seat.' },
    amount: { ...money, description: 'Per seat: what would be charged.' },
    seats: { type: 'integer' },
    total: money,
    coupon: {
      type: ['object', 'null'],
      description: 'Null without a code. `valid: false` with `reason` (the price above is then without the coupon); `valid: true, applied: false` when it gives nothing here (a free item, or the early-bird price is already lower).',
      properties: {
        code: { type: 'string', description: 'The code as typed, normalized (trimmed, upper-case).' },
        valid: { type: 'boolean' },
        applied: { type: 'boolean' },
        reason: { type: 'string', enum: ['unknown', 'not_yet_valid', 'expired', 'not_for_this_item', 'used_up'] },
        message: { type: 'string' },
      },
    },
  },
}

const priceQuote = (collection: 'webinars' | 'courses'): CustomOperation => ({
  registeredAs: collection,
  summary: `What a seat of this ${collection === 'webinars' ? 'webinar' : 'course'} costs now, with a coupon code`,
  description:
    'Anyone. The same rules as registering (docs/selling.md, Cupones), read without locks. Speaks only of the code sent: an unknown and a switched-off code answer the same. Counted per client address with the public writes (429 when over budget).',
  tags: ['Registration'],
  security: 'anyone',
  parameters: [
    idParam,
    { name: 'couponCode', in: 'query', required: false, schema: { type: 'string', maxLength: 64 } },
    { name: 'seats', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 200, default: 1 } },
  ],
  responses: {
    '200': { description: 'The quote (also when the code does not apply: see `coupon`).', content: json(quote) },
    '400': { description: 'A malformed `couponCode` or `seats` (the error names it).', content: errors },
    '404': { description: 'Unknown or unpublished item.', content: errors },
    '429': { description: 'Too many requests from this address.', content: errors },
  },
})

export const couponOperations: Record<string, CustomOperation> = {
  'GET /api/webinars/{id}/price': priceQuote('webinars'),
  'GET /api/courses/{id}/price': priceQuote('courses'),
  'GET /api/coupons/{id}/redemptions': {
    registeredAs: 'coupons',
    summary: 'A coupon’s uses and the discount it has given (sales and admins)',
    description: '`used`: uses held now (what `maxRedemptions` counts); `pending`: of those, seats awaiting payment or waitlisted; `discountGiven` per currency on confirmed or paid seats.',
    tags: ['Payments'],
    security: 'user',
    parameters: [idParam],
    responses: {
      '200': { description: '`{ used, pending, maxRedemptions, remaining, discountGiven: [{ currency, amount }] }`.', content: json({ type: 'object' }) },
      '403': { description: 'Not sales or admin (anonymous callers too).', content: errors },
      '404': { description: 'Unknown id.', content: errors },
    },
  },
}
