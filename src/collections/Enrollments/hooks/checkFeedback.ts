import { ValidationError, type CollectionBeforeChangeHook } from 'payload'

import { checkRole } from '../../../access'
import { getClock } from '../../../utilities/clock'
import { itemStartsAt } from '../../../enrollment/itemStartsAt'

/**
 * The participant rates an item once, after it has started, and only with a confirmed seat.
 * Staff corrections (admins) are not bound by this.
 */
export const checkFeedback: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  if (operation !== 'update' || checkRole(['admin'], req.user)) return data
  const touches = ['feedbackRating', 'feedbackComment'].filter((field) => field in data && data[field] !== originalDoc?.[field])
  if (!touches.length) return data
  const path = touches[0]
  const fail = (message: string) => {
    throw new ValidationError({ collection: 'enrollments', errors: [{ path, message }], req })
  }
  if (originalDoc?.feedbackRating || originalDoc?.feedbackComment) fail('Feedback has already been submitted for this enrollment.')
  if (originalDoc?.status !== 'confirmed') fail('Only confirmed participants can leave feedback.')
  const startsAt = await itemStartsAt(req, originalDoc?.item)
  if (!startsAt || getClock(req.payload).now() < startsAt) fail('Feedback opens when the item starts.')
  return data
}
