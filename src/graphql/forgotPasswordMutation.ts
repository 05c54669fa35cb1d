import type { GraphQLExtension, PayloadRequest } from 'payload'

import { startPasswordReset } from '../accounts/passwordReset'

/**
 * Replaces Payload's `forgotPasswordUser` (custom mutations win over generated ones) with the same
 * signature, answering `true` at once for any email as the REST endpoint does
 * (src/accounts/passwordReset.ts).
 */
export const forgotPasswordMutation: GraphQLExtension = (GraphQL) => ({
  forgotPasswordUser: {
    type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLBoolean),
    args: { email: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) } },
    resolve: (_: unknown, args: { email: string }, { req }: { req: PayloadRequest }) => {
      startPasswordReset(req, args.email)
      return true
    },
  },
})
