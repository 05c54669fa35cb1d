import type { CollectionBeforeChangeHook } from 'payload'

import { readSegment } from '../../../automation/campaigns/readSegment'

/** The same reading the count and the sender use: a segment they would refuse is refused on save (400 naming the field). */
export const checkSegment: CollectionBeforeChangeHook = ({ data, req }) => {
  if (data.segment) readSegment(req, data.segment)
  return data
}
