import type { CollectionAfterChangeHook } from 'payload'

import { promoteWaitlist } from '../promoteWaitlist'
import type { ItemCollection } from '../statuses'

const roomFor = (capacity: unknown) => (capacity === null || capacity === undefined ? Infinity : Number(capacity))

/** More seats (or no limit any more) go to the waiting list, oldest first, in the same transaction. */
export const promoteOnCapacityRaise: CollectionAfterChangeHook = async ({ collection, doc, operation, previousDoc, req }) => {
  if (operation !== 'update' || roomFor(doc.capacity) <= roomFor(previousDoc?.capacity)) return doc
  await promoteWaitlist(req, collection.slug as ItemCollection, doc.id)
  return doc
}
