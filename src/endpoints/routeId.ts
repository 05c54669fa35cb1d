import { APIError, type PayloadRequest } from 'payload'

import { parseDocumentId } from '../utilities/documentId'

/** The numeric `:id` of a custom endpoint's path, written exactly (`7`, not `07` or `7.0`); anything else is an unknown document (404). */
export function routeId(req: PayloadRequest): number {
  const id = parseDocumentId(req.routeParams?.id)
  if (id === null) throw new APIError('Not Found', 404, undefined, true)
  return id
}
