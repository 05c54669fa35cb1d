import { type Endpoint, NotFound } from 'payload'

import { receiptPdfBytes } from '../../../commerce/receipts/pdf'
import { routeId } from '../../../endpoints/routeId'

/**
 * `GET /api/receipts/:id/pdf`: drawn from the frozen snapshot for whoever may read the receipt. Read
 * through the collection's access, so someone else's receipt is a 404, the same as a missing one.
 */
export const downloadReceiptPdfEndpoint: Endpoint = {
  path: '/:id/pdf',
  method: 'get',
  handler: async (req) => {
    const id = routeId(req)
    const receipt = await req.payload.findByID({ collection: 'receipts', id, depth: 0, overrideAccess: false, user: req.user, disableErrors: true, req })
    if (!receipt) throw new NotFound(req.t)
    const bytes = await receiptPdfBytes(receipt)
    return new Response(Buffer.from(bytes), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="${receipt.number}.pdf"`,
        'Cache-Control': 'private, no-store',
      },
    })
  },
}
