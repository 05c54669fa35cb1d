import { APIError, type Endpoint, NotFound } from 'payload'

import { recordAudit } from '../../audit/record'
import { checkRole } from '../../access'
import { say } from '../../i18n/say'
import { buildPersonExport } from './build'
import { subjectFromQuery } from './subjectInput'
import { exportFileName, zipPersonExport } from './zip'

/** A zip download the browser saves and no cache keeps. */
export const zipResponse = (bytes: Uint8Array, fileName: string) =>
  new Response(Buffer.from(bytes), {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'private, no-store',
    },
  })

/**
 * `GET /api/privacy/export?user=<id>` or `?email=<address>`: everything Aula holds about a person, as
 * a zip, for admins only (the "Exportar datos personales" button on users and leads). 404 when Aula
 * holds nothing about them. Each download is an `export` entry in the audit log.
 */
export const adminExportEndpoint: Endpoint = {
  path: '/privacy/export',
  method: 'get',
  handler: async (req) => {
    if (!req.user) throw new APIError(say(req, { es: 'Inicia sesión para exportar datos personales.', en: 'Log in to export personal data.' }), 401, undefined, true)
    if (!checkRole(['admin'], req.user)) throw new APIError(say(req, { es: 'Solo un administrador puede exportar los datos de una persona.', en: 'Only an admin can export a person’s data.' }), 403, undefined, true)
    const subject = subjectFromQuery(req)
    const built = await buildPersonExport(req, subject)
    if (!built) throw new NotFound(req.t)
    const { userId, leadIds } = built.json.subject
    await recordAudit(req, {
      action: 'export',
      collectionSlug: userId !== null ? 'users' : leadIds.length ? 'leads' : 'email-log',
      documentId: userId ?? leadIds[0] ?? null,
      personId: userId,
    })
    return zipResponse(zipPersonExport(built), exportFileName(built.json))
  },
}
