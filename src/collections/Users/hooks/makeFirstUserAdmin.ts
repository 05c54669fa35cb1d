import type { CollectionBeforeChangeHook } from 'payload'

/**
 * On a database with no users (a fresh production install without the demo seed), the person who
 * fills in the admin's "create first user" form must become an admin, or nobody could ever
 * grant roles: the roles field is admin-only and would otherwise fall back to `student`.
 * Server code (the Local API: seed, scripts) states roles itself and is left alone.
 */
export const makeFirstUserAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create' || req.payloadAPI === 'local') return data
  const { totalDocs } = await req.payload.count({ collection: 'users', req, overrideAccess: true })
  if (totalDocs === 0) return { ...data, roles: ['admin'] }
  return data
}
