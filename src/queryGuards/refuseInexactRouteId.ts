import { NotFound, type CollectionBeforeOperationHook } from 'payload'

import { parseDocumentId } from '../utilities/documentId'

/**
 * Payload reads the `:id` of `/api/<collection>/:id` with `parseFloat`, so `/api/webinars/1' OR '1'='1`
 * answered webinar 1 (and PATCH or DELETE changed it). The id in the path must be written exactly;
 * anything else names no document: 404, before any read or write. Nested calls inside a custom
 * endpoint see the same path, whose `:id` `routeId` already held to the same rule.
 */
export const refuseInexactRouteId: CollectionBeforeOperationHook = ({ args, req }) => {
  const raw = req.routeParams?.id
  if (typeof raw === 'string' && parseDocumentId(raw) === null) throw new NotFound(req.t)
  return args
}
