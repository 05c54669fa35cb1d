import type { Endpoint } from 'payload'

import { summarizeRedemptions } from '../../../commerce/coupons/redemptions'
import { routeId } from '../../../endpoints/routeId'

/**
 * `GET /api/coupons/:id/redemptions`: uses held (what the limit counts), seats still pending, and
 * the discount given per currency, for the coupon's page. Whoever may read the coupon may read this.
 */
export const redemptionsEndpoint: Endpoint = {
  path: '/:id/redemptions',
  method: 'get',
  handler: async (req) => {
    const id = routeId(req)
    // Payload's own answer for a coupon the caller may not read (403) or that does not exist (404).
    const coupon = await req.payload.findByID({ collection: 'coupons', id, depth: 0, select: { maxRedemptions: true }, overrideAccess: false, user: req.user, req })
    const summary = await summarizeRedemptions(req, Number(id))
    const remaining = typeof coupon.maxRedemptions === 'number' ? Math.max(coupon.maxRedemptions - summary.used, 0) : null
    return Response.json({ ...summary, maxRedemptions: coupon.maxRedemptions ?? null, remaining }, { headers: { 'Cache-Control': 'no-store' } })
  },
}
