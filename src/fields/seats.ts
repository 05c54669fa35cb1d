import type { NumberField } from 'payload'

import { nonNegativeInteger } from './validators'

export const capacityField: NumberField = {
  name: 'capacity',
  type: 'number',
  min: 0,
  label: { es: 'Cupos', en: 'Capacity' },
  admin: {
    description: { es: 'Déjalo vacío si no hay límite de cupos.', en: 'Leave empty for unlimited seats.' },
  },
  validate: nonNegativeInteger,
}

/**
 * Stored on the item row (see docs/decisions/0002): the enrollment engine changes it with the
 * Local API and `overrideAccess` while it holds the row lock. Nobody writes it over REST/GraphQL.
 */
export const seatsTakenField: NumberField = {
  name: 'seatsTaken',
  type: 'number',
  defaultValue: 0,
  min: 0,
  label: { es: 'Cupos ocupados', en: 'Seats taken' },
  access: { create: () => false, update: () => false },
  admin: { position: 'sidebar', readOnly: true },
}

/** Derived from the row itself: no query, so lists cost the same however long they are. */
export const seatsLeftField: NumberField = {
  name: 'seatsLeft',
  type: 'number',
  virtual: true,
  label: { es: 'Cupos libres', en: 'Seats left' },
  access: { create: () => false, update: () => false },
  admin: {
    position: 'sidebar',
    readOnly: true,
    description: { es: 'Vacío = sin límite.', en: 'Empty = unlimited.' },
  },
  hooks: {
    afterRead: [
      ({ siblingData }) => {
        const capacity = siblingData?.capacity
        if (capacity === null || capacity === undefined) return null
        return Math.max(0, capacity - (siblingData?.seatsTaken ?? 0))
      },
    ],
  },
}
