import type * as GraphQLModule from 'graphql'
import { APIError, type GraphQLExtension, type PayloadRequest } from 'payload'

import { ITEM_COLLECTIONS, type ItemCollection } from '../../enrollment/statuses'
import { readItemEmailPlan, readPersonEmailPlan } from './timelineAccess'

type Context = { req: PayloadRequest }

/**
 * `ItemEmailPlan(collection, id)` and `PersonEmailPlan(user)`: the same timelines as
 * `GET /api/{webinars|courses}/:id/email-plan` and `GET /api/users/:id/email-plan`, through the same
 * functions and the same access checks.
 */
export const emailPlanQueries: GraphQLExtension = (GraphQL) => {
  const { GraphQLObjectType, GraphQLNonNull, GraphQLList, GraphQLString, GraphQLInt } = GraphQL
  const nonNull = <T extends GraphQLModule.GraphQLType>(type: T) => new GraphQLNonNull(type)
  const ruleRef = new GraphQLObjectType({ name: 'EmailPlanRule', fields: { id: { type: nonNull(GraphQLInt) }, name: { type: nonNull(GraphQLString) } } })
  const itemRow = new GraphQLObjectType({
    name: 'ItemEmailPlanRow',
    fields: {
      rule: { type: ruleRef },
      templateKey: { type: nonNull(GraphQLString) },
      templateLabel: { type: nonNull(GraphQLString) },
      at: { type: GraphQLString, description: 'ISO instant; null for an enrollment-change rule.' },
      atLocal: { type: nonNull(GraphQLString), description: 'In the item’s zone, naming it.' },
      sessionId: { type: GraphQLString },
      sessionName: { type: GraphQLString },
      people: { type: nonNull(GraphQLInt) },
      sent: { type: nonNull(GraphQLInt) },
      queued: { type: nonNull(GraphQLInt) },
      cancelled: { type: nonNull(GraphQLInt) },
    },
  })
  const itemPlan = new GraphQLObjectType({
    name: 'ItemEmailPlan',
    fields: {
      collection: { type: nonNull(GraphQLString) },
      id: { type: nonNull(GraphQLInt) },
      title: { type: nonNull(GraphQLString) },
      timeZone: { type: nonNull(GraphQLString) },
      zoneName: { type: nonNull(GraphQLString) },
      rows: { type: nonNull(new GraphQLList(nonNull(itemRow))) },
    },
  })
  const itemRef = new GraphQLObjectType({ name: 'EmailPlanItem', fields: { collection: { type: nonNull(GraphQLString) }, id: { type: nonNull(GraphQLInt) }, title: { type: nonNull(GraphQLString) } } })
  const personRow = new GraphQLObjectType({
    name: 'PersonEmailPlanRow',
    fields: {
      id: { type: nonNull(GraphQLInt) },
      templateKey: { type: nonNull(GraphQLString) },
      templateLabel: { type: nonNull(GraphQLString) },
      rule: { type: ruleRef },
      status: { type: nonNull(GraphQLString) },
      at: { type: GraphQLString },
      atLocal: { type: nonNull(GraphQLString) },
      item: { type: itemRef },
    },
  })
  const personPlan = new GraphQLObjectType({
    name: 'PersonEmailPlan',
    fields: {
      user: { type: nonNull(new GraphQLObjectType({ name: 'EmailPlanPerson', fields: { id: { type: nonNull(GraphQLInt) }, email: { type: nonNull(GraphQLString) } } })) },
      got: { type: nonNull(new GraphQLList(nonNull(personRow))) },
      upcoming: { type: nonNull(new GraphQLList(nonNull(personRow))) },
    },
  })
  return {
    ItemEmailPlan: {
      type: itemPlan,
      args: { collection: { type: nonNull(GraphQLString), description: '`webinars` or `courses`.' }, id: { type: nonNull(GraphQLInt) } },
      resolve: async (_: unknown, args: { collection: string; id: number }, { req }: Context) => {
        if (!ITEM_COLLECTIONS.includes(args.collection as ItemCollection)) throw new APIError('`collection` must be `webinars` or `courses`.', 400, undefined, true)
        return readItemEmailPlan(req, args.collection as ItemCollection, args.id)
      },
    },
    PersonEmailPlan: {
      type: personPlan,
      args: { user: { type: nonNull(GraphQLInt) } },
      resolve: (_: unknown, args: { user: number }, { req }: Context) => readPersonEmailPlan(req, args.user),
    },
  }
}
