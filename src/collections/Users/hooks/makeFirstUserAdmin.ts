import type { CollectionBeforeChangeHook } from 'payload'

/**
 * On a database with no users (a fresh production install without the demo seed), the person who
 * fills in the admin's "create first user" form must become an admin, or nobody could ever grant
 * roles: the roles field is admin-only and would otherwise fall back to `student`. Only that form
 * (`/api/users/first-register`, which Payload refuses once any user exists) is trusted this way;
 * a website registration on an empty database must never make an admin.
 */
export const makeFirstUserAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create' || !req.url?.split('?')[0].endsWith('/users/first-register')) return data
  const { totalDocs } = await req.payload.count({ collection: 'users', req, overrideAccess: true })
  return totalDocs === 0 ? { ...data, roles: ['admin'] } : data
}
