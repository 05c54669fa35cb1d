import { APIError, type Endpoint, NotFound } from 'payload'

import { readUploadBytes } from '../../../certificates/pdf'
import { routeId } from '../../../endpoints/routeId'
import { say } from '../../../i18n/say'
import { zipResponse } from '../../../privacy/export/adminEndpoint'
import { getClock } from '../../../utilities/clock'

/**
 * `GET /api/privacy-exports/:id/download`: the zip the email links to. Read through the collection's
 * access, so someone else's export is a 404, the same as a missing one; logging in is required
 * (the link alone downloads nothing). Not ready yet: 409; past its expiry: 410.
 */
export const downloadPrivacyExportEndpoint: Endpoint = {
  path: '/:id/download',
  method: 'get',
  handler: async (req) => {
    if (!req.user) throw new APIError(say(req, { es: 'Inicia sesión para descargar tus datos.', en: 'Log in to download your data.' }), 401, undefined, true)
    const id = routeId(req)
    const row = await req.payload.findByID({ collection: 'privacy-exports', id, depth: 0, overrideAccess: false, user: req.user, disableErrors: true, req })
    if (!row) throw new NotFound(req.t)
    if (row.expiresAt && new Date(row.expiresAt) <= getClock(req.payload).now()) {
      throw new APIError(say(req, { es: 'Esta exportación venció. Pide una nueva.', en: 'This export has expired. Ask for a new one.' }), 410, undefined, true)
    }
    if (row.status !== 'ready' || !row.filename) {
      throw new APIError(say(req, { es: 'La exportación aún se está preparando.', en: 'The export is still being prepared.' }), 409, undefined, true)
    }
    const bytes = await readUploadBytes(req.payload, 'privacy-exports', row.filename, req)
    if (!bytes) throw new NotFound(req.t)
    const owner = typeof row.owner === 'object' ? row.owner.id : row.owner
    return zipResponse(bytes, `aula-datos-${owner}.zip`)
  },
}
