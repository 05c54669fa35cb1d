import { APIError, type Endpoint, type PayloadRequest } from 'payload'

import { routeId } from '../../endpoints/routeId'
import type { ItemCollection } from '../../enrollment/statuses'
import { importReport, requireImporter } from './importReport'
import { readReportUpload } from './readUpload'

const SESSION_ID = /^[A-Za-z0-9_-]{1,64}$/

const sessionOf = (req: PayloadRequest, collection: ItemCollection) => {
  if (collection === 'webinars') return null
  const raw = req.routeParams?.sessionId
  if (typeof raw !== 'string' || !SESSION_ID.test(raw)) throw new APIError('Not Found', 404, undefined, true)
  return raw
}

/**
 * `POST /api/courses/:id/sessions/:sessionId/attendance/import` and `POST /api/webinars/:id/attendance/import`:
 * the participants CSV of Zoom, Meet or Teams as a form upload (`file`) or a raw body. Who may mark
 * is checked before the upload is read; the answer lists matched, unchanged and unmatched rows.
 */
export const attendanceImportEndpoints = (collection: ItemCollection): Endpoint[] => [
  {
    path: collection === 'courses' ? '/:id/sessions/:sessionId/attendance/import' : '/:id/attendance/import',
    method: 'post',
    handler: async (req) => {
      const itemId = routeId(req)
      const sessionId = sessionOf(req, collection)
      await requireImporter(req, collection, itemId, sessionId)
      const bytes = await readReportUpload(req)
      return Response.json(await importReport(req, collection, itemId, sessionId, bytes))
    },
  },
]
