import type * as GraphQLModule from 'graphql'
import type { GraphQLExtension, PayloadRequest } from 'payload'

import { parseSellingInput } from '../commerce/registrationInput'
import { parseInput } from '../endpoints/parseInput'
import { cancelAsCaller, readAsCaller } from '../enrollment/cancel'
import { PERSON_INPUT } from '../enrollment/personInput'
import { register } from '../enrollment/register'
import { publicEnrollment } from '../collections/Enrollments/endpoints/publicEnrollment'
import { withCheckout } from '../payments/withCheckout'
import type { ItemCollection } from '../enrollment/statuses'

type Context = { req: PayloadRequest }

/**
 * `registerForWebinar`, `enrollInCourse` and `cancelEnrollment`: the same operations as the REST
 * endpoints, through the same service functions, answering with the Enrollment type. The answers
 * carry only what the REST endpoints show (custom resolvers skip Payload's field read access).
 */
export const enrollmentMutations: GraphQLExtension = (GraphQL, { collections }) => {
  const enrollmentType = (collections.enrollments as unknown as { graphQL: { type: GraphQLModule.GraphQLObjectType } }).graphQL.type
  const personType = new GraphQL.GraphQLInputObjectType({
    name: 'RegistrationPerson',
    fields: {
      email: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
      firstName: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
      lastName: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
      phone: { type: GraphQL.GraphQLString },
      company: { type: GraphQL.GraphQLString },
    },
  })
  const registration = (collection: ItemCollection) => ({
    type: enrollmentType,
    args: {
      id: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLInt) },
      person: { type: personType },
      idempotencyKey: { type: GraphQL.GraphQLString },
      couponCode: { type: GraphQL.GraphQLString },
      paymentMethod: { type: GraphQL.GraphQLString, description: '`card` (Stripe Checkout, the default) or `bank_transfer` where the item allows it.' },
      marketingConsent: { type: GraphQL.GraphQLBoolean, description: 'The marketing-email checkbox: true or false; omitted leaves the person\'s consent as it is.' },
    },
    resolve: async (_: unknown, args: { id: number; person?: Record<string, unknown>; idempotencyKey?: string; couponCode?: string; paymentMethod?: string; marketingConsent?: boolean }, { req }: Context) => {
      const { couponCode, paymentMethod, marketingConsent } = parseSellingInput({ couponCode: args.couponCode, paymentMethod: args.paymentMethod, marketingConsent: args.marketingConsent })
      const person = req.user?.collection === 'users' && !args.person ? { userId: req.user.id as number } : parseInput(args.person ?? {}, PERSON_INPUT, 'enrollments')
      const { enrollment } = await register(req, { collection, itemId: args.id, person, idempotencyKey: args.idempotencyKey, source: 'web', couponCode, paymentMethod, marketingConsent })
      return publicEnrollment(req, await withCheckout(req, enrollment, { paymentMethod }), { ownView: 'userId' in person })
    },
  })
  return {
    registerForWebinar: registration('webinars'),
    enrollInCourse: registration('courses'),
    cancelEnrollment: {
      type: enrollmentType,
      args: { id: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLInt) }, reason: { type: GraphQL.GraphQLString } },
      resolve: async (_: unknown, args: { id: number; reason?: string }, { req }: Context) => {
        const { reason } = parseInput({ reason: args.reason }, { reason: { kind: 'string', maxLength: 500 } }, 'enrollments')
        await cancelAsCaller(req, args.id, reason)
        return readAsCaller(req, args.id)
      },
    },
  }
}
