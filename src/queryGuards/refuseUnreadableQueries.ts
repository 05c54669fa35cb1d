import { APIError, QueryError, type CollectionBeforeOperationHook } from 'payload'

import { checkRole, STAFF_ROLES } from '../access'
import { unreadableQueryPaths } from './unreadableQueryPaths'

const argOf = (args: unknown, key: string): unknown => (args && typeof args === 'object' && key in args ? (args as Record<string, unknown>)[key] : undefined)

/**
 * A `where` or `sort` that touches what the caller cannot read is answered exactly like one that
 * names a field that does not exist (Payload's 400 "The following path cannot be queried: …"),
 * before any SQL: REST, GraphQL and bulk update/delete alike. Server code passing
 * `overrideAccess: true` is not a caller and is not checked.
 */
export const refuseUnreadableQueries: CollectionBeforeOperationHook = async ({ args, collection, overrideAccess, req }) => {
  if ((overrideAccess ?? argOf(args, 'overrideAccess')) === true) return args
  const where = argOf(args, 'where')
  const sort = argOf(args, 'sort')
  if (!where && !sort) return args
  const unreadable = await unreadableQueryPaths(req, collection.slug, { where, sort })
  if (unreadable.length > 0) throw new QueryError(unreadable)
  return args
}

/**
 * Trash (`?trash=true`, GraphQL `trash: true`) is where staff keep what they took off the site:
 * only staff read it. Anyone else asking gets a 403 instead of deleted documents. Payload also
 * populates relationships with `trash: true`, through its dataloader, the one caller that passes
 * `currentDepth` (REST and GraphQL top-level reads do not); for anyone but staff a trashed related
 * document is then left out, like one they may not read.
 */
export const refuseTrashReadsForNonStaff: CollectionBeforeOperationHook = ({ args, overrideAccess, req }) => {
  if ((overrideAccess ?? argOf(args, 'overrideAccess')) === true) return args
  const trash = argOf(args, 'trash')
  if ((trash !== true && trash !== 'true') || checkRole(STAFF_ROLES, req.user)) return args
  if (argOf(args, 'currentDepth') !== undefined) return { ...args, trash: false }
  throw new APIError('Only staff can read deleted documents.', 403)
}
