import { type Endpoint, NotFound } from 'payload'

import { certificatePdfBytes } from '../../../certificates/pdfBytes'
import { routeId } from '../../../endpoints/routeId'

/**
 * `GET /api/certificates/:id/pdf`: the certificate's PDF for whoever may read the certificate (its
 * holder, the item's instructors, staff). Read through the collection's access, so a certificate the
 * caller may not read is a 404, the same as one that does not exist.
 */
export const downloadPdfEndpoint: Endpoint = {
  path: '/:id/pdf',
  method: 'get',
  handler: async (req) => {
    const id = routeId(req)
    const certificate = await req.payload.findByID({ collection: 'certificates', id, depth: 0, overrideAccess: false, user: req.user, disableErrors: true, req })
    if (!certificate) throw new NotFound(req.t)
    const bytes = await certificatePdfBytes(req, certificate)
    return new Response(Buffer.from(bytes), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="${certificate.number}.pdf"`,
        'Cache-Control': 'private, no-store',
      },
    })
  },
}
