import { ValidationError, type CollectionBeforeChangeHook } from 'payload'

import { say } from '../../i18n/say'
import { lockAnyItem } from '../items'
import type { ItemCollection } from '../statuses'

/**
 * Staff may not lower a capacity below the seats already taken: that would silently push people
 * out. The item row is locked first, so a registration landing at the same moment is counted.
 */
export const guardCapacity: CollectionBeforeChangeHook = async ({ collection, data, operation, originalDoc, req }) => {
  if (operation !== 'update' || !('capacity' in data) || data.capacity === originalDoc?.capacity) return data
  const item = await lockAnyItem(req, collection.slug as ItemCollection, originalDoc?.id)
  if (item && typeof data.capacity === 'number' && data.capacity < item.seatsTaken) {
    throw new ValidationError({
      collection: collection.slug,
      errors: [
        {
          path: 'capacity',
          message: say(req, {
            es: `Ya hay ${item.seatsTaken} cupos ocupados: los cupos no pueden bajar de esa cifra. Cancela inscripciones primero.`,
            en: `${item.seatsTaken} seats are already taken: the capacity cannot go below that. Cancel enrollments first.`,
          }),
        },
      ],
      req,
    })
  }
  return data
}
