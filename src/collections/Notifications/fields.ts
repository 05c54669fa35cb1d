import type { Field } from 'payload'

import { KIND_OPTIONS } from '../../notifications/kinds'

/** Written only by src/notifications/notify.ts (raw SQL); `readAt` is the one field a recipient changes. */
export const notificationFields: Field[] = [
  {
    name: 'recipient',
    type: 'relationship',
    relationTo: 'users',
    required: true,
    index: true,
    label: { es: 'Destinatario', en: 'Recipient' },
    admin: { readOnly: true },
  },
  { name: 'kind', type: 'select', required: true, options: KIND_OPTIONS, label: { es: 'Tipo', en: 'Kind' }, admin: { readOnly: true } },
  { name: 'title', type: 'text', required: true, label: { es: 'Título', en: 'Title' }, admin: { readOnly: true } },
  { name: 'body', type: 'textarea', label: { es: 'Texto', en: 'Body' }, admin: { readOnly: true } },
  { name: 'link', type: 'text', label: { es: 'Enlace', en: 'Link' }, admin: { readOnly: true } },
  {
    type: 'row',
    fields: [
      { name: 'documentCollection', type: 'text', label: { es: 'Colección del documento', en: 'Document collection' }, admin: { readOnly: true } },
      { name: 'documentId', type: 'text', label: { es: 'ID del documento', en: 'Document ID' }, admin: { readOnly: true } },
    ],
  },
  {
    name: 'readAt',
    type: 'date',
    label: { es: 'Leída el', en: 'Read at' },
    admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
  },
  {
    // Unique per recipient (the collection's compound index): the same event never notifies a person twice.
    name: 'dedupeKey',
    type: 'text',
    label: { es: 'Clave de unicidad', en: 'Dedupe key' },
    admin: { readOnly: true, hidden: true },
  },
]
