import type { GraphQLExtension } from 'payload'

type Resolver = (source: unknown, args: unknown, context: unknown, info: unknown) => Promise<Record<string, unknown>>

/**
 * Payload's `Access` query declares `canAccessAdmin: Boolean!` but drops the key when the answer
 * is false, so `{ Access { canAccessAdmin } }` from anyone who may not use the admin (anonymous
 * callers, students) failed with a 500. The same query, with `false` said out loud.
 */
export const accessQuery: GraphQLExtension = (_graphQL, { Query }) => {
  const access = Query.fields.Access as { type: unknown; resolve: Resolver } | undefined
  if (!access) return {}
  return {
    Access: {
      ...access,
      resolve: async (...args: Parameters<Resolver>) => {
        const result = await access.resolve(...args)
        return { ...result, canAccessAdmin: result.canAccessAdmin === true }
      },
    },
  }
}
