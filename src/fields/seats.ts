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

/** Seats still free: `null` when the item has no limit. The catalog cache fills live counts in with it too. */
export const seatsLeftOf = (capacity: number | null | undefined, seatsTaken: number | null | undefined): number | null =>
  capacity === null || capacity === undefined ? null : Math.max(0, capacity - (seatsTaken ?? 0))

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
      ({ siblingData }) => seatsLeftOf(siblingData?.capacity, siblingData?.seatsTaken),
    ],
  },
}
