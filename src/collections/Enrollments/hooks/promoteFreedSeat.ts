import type { CollectionAfterChangeHook } from 'payload'

import { promoteWaitlist } from '../../../enrollment/promoteWaitlist'
import type { ItemCollection } from '../../../enrollment/statuses'

/** A seat freed by this change goes to the oldest waitlisted person, in the same transaction. */
export const promoteFreedSeat: CollectionAfterChangeHook = async ({ doc, req }) => {
  const freed = req.context.freedSeat as { collection: ItemCollection; id: number } | undefined
  if (!freed) return doc
  delete req.context.freedSeat
  // A replaced group attendee's seat goes to the person replacing them, not the waitlist (src/commerce/bookingChanges).
  if (req.context.seatPassesOn === doc.id) return doc
  await promoteWaitlist(req, freed.collection, freed.id)
  return doc
}
