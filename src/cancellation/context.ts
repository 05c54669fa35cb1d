import type { PayloadRequest } from 'payload'

import type { ItemCollection } from '../enrollment/statuses'

/** Set by the confirm endpoint on its request: the only way past `refuseUnconfirmedCancellation`. */
const CONFIRMED = 'aulaConfirmedCancellation'

export const markCancellationConfirmed = (req: PayloadRequest, reason: string) => {
  req.context[CONFIRMED] = { reason }
}

export const confirmedCancellation = (req: PayloadRequest): { reason: string } | undefined =>
  req.context[CONFIRMED] as { reason: string } | undefined

export const defaultReason = (collection: ItemCollection) => (collection === 'courses' ? 'The course was cancelled.' : 'The webinar was cancelled.')

/** The admin's button name, as staff see it, for messages that send them there. */
export const cancelButtonName = (collection: ItemCollection) =>
  collection === 'courses' ? { es: 'Cancelar curso', en: 'Cancel course' } : { es: 'Cancelar webinar', en: 'Cancel webinar' }
