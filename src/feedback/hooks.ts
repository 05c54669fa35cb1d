import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { refreshItemRating, type RatedCollection } from './itemRating'

/** An admin deleting a rated enrollment takes its rating out of the item's average and count. */
export const recountRatingOfDeletedEnrollment: CollectionAfterDeleteHook = async ({ doc, req }) => {
  const item = doc?.item as { relationTo?: RatedCollection; value?: number | { id: number } } | undefined
  if (doc?.feedbackRating === null || doc?.feedbackRating === undefined || !item?.relationTo || !item.value) return doc
  await refreshItemRating(req, item.relationTo, typeof item.value === 'object' ? item.value.id : item.value)
  return doc
}

/**
 * Saving a webinar or course writes back the rating it read when the save began; recounting right
 * after (same transaction) keeps a rating that arrived meanwhile from being overwritten.
 */
export const recountRatingAfterItemSave =
  (collection: RatedCollection): CollectionAfterChangeHook =>
  async ({ doc, req }) => {
    const rating = await refreshItemRating(req, collection, Number(doc.id))
    return { ...doc, ...rating }
  }
