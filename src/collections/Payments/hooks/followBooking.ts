import type { CollectionAfterChangeHook } from 'payload'

import { followPayment } from '../../../commerce/groups/followPayment'
import type { Payment } from '../../../payload-types'

/** A group booking's status follows its payment (src/commerce/groups). */
export const followBooking: CollectionAfterChangeHook<Payment> = async ({ doc, previousDoc, operation, req }) => {
  await followPayment(req, doc, operation === 'create' ? undefined : previousDoc?.status)
  return doc
}
