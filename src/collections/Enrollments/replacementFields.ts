import type { Field } from 'payload'

const serverOnly = { create: () => false, update: () => false }

/**
 * A group attendee replaced by another person before the start (src/commerce/groups/replaceAttendee.ts):
 * the old enrollment ends and points at the new one, the new one points back, so the history reads both ways.
 */
export const replacementFields: Field[] = [
  {
    name: 'replacedBy',
    type: 'relationship',
    relationTo: 'enrollments',
    label: { es: 'Reemplazada por', en: 'Replaced by' },
    admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.replacedBy) },
    access: serverOnly,
  },
  {
    name: 'replaces',
    type: 'relationship',
    relationTo: 'enrollments',
    label: { es: 'Reemplaza a', en: 'Replaces' },
    admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.replaces) },
    access: serverOnly,
  },
]
