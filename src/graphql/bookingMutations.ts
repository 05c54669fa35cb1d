import type * as GraphQLModule from 'graphql'
import type { GraphQLExtension, PayloadRequest } from 'payload'

import { bookGroup } from '../commerce/groups/bookGroup'
import { parseSellingInput } from '../commerce/registrationInput'
import type { ItemCollection } from '../enrollment/statuses'

type Context = { req: PayloadRequest }

/**
 * `bookWebinarSeats` and `bookCourseSeats`: a group or company booking, the same operation as the REST
 * register/enroll endpoint sent with `attendees` (src/commerce/groups/bookGroup.ts), parsed by the same
 * function, answering what the REST answer carries.
 */
export const bookingMutations: GraphQLExtension = (GraphQL) => {
  const { GraphQLNonNull, GraphQLString, GraphQLInt, GraphQLFloat, GraphQLList, GraphQLObjectType, GraphQLInputObjectType } = GraphQL
  const text = { type: GraphQLString }
  const required = { type: new GraphQLNonNull(GraphQLString) }
  const personFields = { email: required, firstName: required, lastName: required, phone: text, company: text }
  const attendeeType = new GraphQLInputObjectType({ name: 'GroupAttendeeInput', fields: personFields })
  const buyerType = new GraphQLInputObjectType({ name: 'GroupBuyerInput', fields: { ...personFields, taxId: text } })
  const itemType = new GraphQLObjectType({ name: 'GroupBookingItem', fields: { relationTo: text, value: { type: GraphQLInt } } })
  const bookingType = new GraphQLObjectType({
    name: 'GroupBooking',
    fields: {
      id: { type: GraphQLInt },
      status: text,
      item: { type: itemType },
      seats: { type: GraphQLInt },
      currency: text,
      priceTier: text,
      unitListPrice: { type: GraphQLFloat },
      unitDiscount: { type: GraphQLFloat },
      unitAmount: { type: GraphQLFloat },
      total: { type: GraphQLFloat },
      couponCode: text,
      paymentMethod: text,
      buyerName: text,
      buyerEmail: text,
      company: text,
      taxId: text,
      createdAt: text,
    },
  })
  const seatType = new GraphQLObjectType({ name: 'GroupBookingSeat', fields: { id: { type: GraphQLInt }, status: text, email: text } })
  const transferType = new GraphQLObjectType({
    name: 'GroupBankTransfer',
    fields: { reference: text, amount: { type: GraphQLFloat }, currency: text, holdExpiresAt: text, instructions: text },
  })
  const resultType = new GraphQLObjectType({
    name: 'GroupBookingResult',
    fields: {
      message: text,
      booking: { type: bookingType },
      enrollments: { type: new GraphQLList(seatType) },
      checkoutUrl: text,
      holdExpiresAt: text,
      bankTransfer: { type: transferType },
    },
  })
  const booking = (collection: ItemCollection): GraphQLModule.GraphQLFieldConfig<unknown, Context> => ({
    type: resultType,
    args: {
      id: { type: new GraphQLNonNull(GraphQLInt) },
      buyer: { type: new GraphQLNonNull(buyerType) },
      attendees: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(attendeeType))) },
      couponCode: text,
      paymentMethod: { type: GraphQLString, description: '`card` (Stripe Checkout for every seat, the default) or `bank_transfer` where the item allows it.' },
      idempotencyKey: text,
      marketingConsent: { type: GraphQL.GraphQLBoolean, description: 'The buyer\'s marketing-email checkbox; omitted leaves their consent as it is.' },
    },
    resolve: async (_: unknown, args: Record<string, unknown>, { req }: Context) => {
      const selling = parseSellingInput({ couponCode: args.couponCode, paymentMethod: args.paymentMethod, attendees: args.attendees, buyer: args.buyer, marketingConsent: args.marketingConsent })
      const { answer } = await bookGroup(req, {
        collection,
        itemId: Number(args.id),
        buyer: selling.buyer!,
        attendees: selling.attendees!,
        couponCode: selling.couponCode,
        paymentMethod: selling.paymentMethod,
        idempotencyKey: args.idempotencyKey as string | undefined,
        marketingConsent: selling.marketingConsent,
      })
      return answer
    },
  })
  return { bookWebinarSeats: booking('webinars'), bookCourseSeats: booking('courses') }
}
