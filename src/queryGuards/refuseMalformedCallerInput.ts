import { ValidationError, type CollectionBeforeOperationHook, type CollectionConfig, type GlobalConfig } from 'payload'

import { withBoundedValues } from '../fields/boundedValues'
import { accountEmailMisuses, credentialMisuses, CREDENTIAL_OPERATIONS } from './credentialMisuses'
import { pagingMisuses } from './pagingMisuses'
import { bodyMisuses } from './bodyMisuses'
import { refuseInexactRouteId } from './refuseInexactRouteId'
import { timestampMisuses } from './timestampMisuses'

type GlobalBeforeOperationHook = NonNullable<NonNullable<GlobalConfig['hooks']>['beforeOperation']>[number]

/**
 * What a caller sends beside `where` that Payload hands to Postgres as it came: paging, ids,
 * relationships, choices, numbers, timestamps, credentials with a NUL byte. A 400 naming each (a
 * 404 for an id in the path), before any hook or SQL (docs/security.md, "No 5xx from caller input").
 */
export const refuseMalformedCallerInput: CollectionBeforeOperationHook = (hookArgs) => {
  const { args, collection, operation, req } = hookArgs
  refuseInexactRouteId(hookArgs)
  const data = 'data' in args ? args.data : undefined
  const writes = operation === 'create' || operation === 'update'
  const misuses = [
    ...('page' in args || 'limit' in args ? pagingMisuses(args, req) : []),
    ...(writes ? [...timestampMisuses(data), ...(collection.auth ? accountEmailMisuses(data) : []), ...bodyMisuses(collection.flattenedFields, data)] : []),
    ...(CREDENTIAL_OPERATIONS.has(operation) ? credentialMisuses(data) : []),
  ]
  if (misuses.length > 0) throw new ValidationError({ collection: collection.slug, errors: misuses })
  return args
}

/** The same for a global's update. */
const refuseMalformedGlobalInput: GlobalBeforeOperationHook = ({ args, global, operation }) => {
  if (operation !== 'update') return args
  const misuses = [...timestampMisuses(args?.data), ...bodyMisuses(global.flattenedFields, args?.data)]
  if (misuses.length > 0) throw new ValidationError({ global: global.slug, errors: misuses })
  return args
}

/** Every Aula collection gets the guard and bounded field values (applied by the config factory). */
export const withCallerInputGuards = (collection: CollectionConfig): CollectionConfig => {
  const bounded = withBoundedValues(collection)
  return { ...bounded, hooks: { ...bounded.hooks, beforeOperation: [refuseMalformedCallerInput, ...(bounded.hooks?.beforeOperation ?? [])] } }
}

/** Every global: bounded field values and the guard on updates. */
export const withGlobalInputGuards = (global: GlobalConfig): GlobalConfig => {
  const bounded = withBoundedValues(global)
  return { ...bounded, hooks: { ...bounded.hooks, beforeOperation: [refuseMalformedGlobalInput, ...(bounded.hooks?.beforeOperation ?? [])] } }
}
