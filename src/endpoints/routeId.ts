import { APIError, type PayloadRequest } from 'payload'

/** The numeric `:id` of a custom endpoint's path; anything else is an unknown document (404). */
export function routeId(req: PayloadRequest): number {
  const id = Number(req.routeParams?.id)
  if (!Number.isSafeInteger(id) || id < 1) throw new APIError('Not Found', 404, undefined, true)
  return id
}
