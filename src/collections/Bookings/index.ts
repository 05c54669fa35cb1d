import type { CollectionConfig } from 'payload'

import { nobody } from '../../access'
import { readBookings } from './access'
import { bookingChangeEndpoints } from './endpoints/bookingChanges'
import { bookingFields } from './fields'

/**
 * A group or company booking: one buyer, N named attendees each with their own enrollment (`booking`),
 * and one payment for all seats. Written only by the server (src/commerce/groups); see
 * docs/decisions/0019-group-bookings.md and docs/selling.md.
 */
export const Bookings: CollectionConfig = {
  slug: 'bookings',
  labels: {
    singular: { es: 'Reserva de grupo', en: 'Group booking' },
    plural: { es: 'Reservas de grupo', en: 'Group bookings' },
  },
  admin: {
    group: { es: 'Inscripciones', en: 'Enrollments' },
    useAsTitle: 'buyerEmail',
    defaultColumns: ['id', 'buyerEmail', 'company', 'item', 'seats', 'total', 'currency', 'status', 'createdAt'],
  },
  access: { read: readBookings, create: nobody, update: nobody, delete: nobody },
  // Replacing an attendee: staff, the buyer, or the buyer's signed link (src/commerce/bookingChanges).
  endpoints: bookingChangeEndpoints,
  fields: bookingFields,
  timestamps: true,
}
