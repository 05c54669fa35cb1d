import { type GraphQLExtension, type PayloadRequest, UnauthorizedError } from 'payload'

import { markAllRead } from './unread'

/** `markAllNotificationsRead { updated }`: GraphQL's twin of `POST /api/notifications/mark-all-read` (the caller's own only). */
export const notificationMutations: GraphQLExtension = (GraphQL) => ({
  markAllNotificationsRead: {
    type: new GraphQL.GraphQLNonNull(
      new GraphQL.GraphQLObjectType({
        name: 'MarkAllNotificationsReadResult',
        fields: { updated: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLInt) } },
      }),
    ),
    resolve: async (_: unknown, _args: unknown, { req }: { req: PayloadRequest }) => {
      if (!req.user || req.user.collection !== 'users') throw new UnauthorizedError(req.t)
      return { updated: await markAllRead(req, Number(req.user.id)) }
    },
  },
})
