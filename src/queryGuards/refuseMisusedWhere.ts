import { ValidationError, type CollectionBeforeOperationHook, type CollectionConfig } from 'payload'

import { refuseTrashReadsForNonStaff, refuseUnreadableQueries } from './refuseUnreadableQueries'
import { whereMisuses } from './whereMisuses'

/**
 * Payload accepts any operator on any field and passes the rest to Postgres, which then fails with
 * a 500 (`ILIKE` on a number, `near` on text, `all` anywhere), and it leaves an unawaited rejection
 * behind for a refused path through two relationships. Those filters are the caller's mistake: a
 * 400 naming each clause, before any SQL (docs/security.md).
 */
export const refuseMisusedWhere: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  const where = args && typeof args === 'object' && 'where' in args ? args.where : undefined
  const misuses = whereMisuses(req.payload, collection.slug, where)
  if (misuses.length > 0) throw new ValidationError({ collection: collection.slug, errors: misuses })
  return args
}

/** Every collection gets the guard (applied by the config factory). */
export const withWhereGuard = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: { ...collection.hooks, beforeOperation: [refuseMisusedWhere, refuseUnreadableQueries, refuseTrashReadsForNonStaff, ...(collection.hooks?.beforeOperation ?? [])] },
})
