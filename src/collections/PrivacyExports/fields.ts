import type { Field, FieldAccess } from 'payload'

import { PRIVACY_EXPORT_STATUSES } from '../../privacy/export/selfService/statuses'

const serverOnly: { create: FieldAccess; update: FieldAccess } = { create: () => false, update: () => false }
const readOnly = { readOnly: true }

const STATUS_LABELS: Record<(typeof PRIVACY_EXPORT_STATUSES)[number], { es: string; en: string }> = {
  pending: { es: 'En preparación', en: 'Being prepared' },
  ready: { es: 'Lista para descargar', en: 'Ready to download' },
  failed: { es: 'Fallida', en: 'Failed' },
}

/** Every field is written by Aula (src/privacy/export/selfService); the API only reads them. */
export const privacyExportFields: Field[] = [
  { name: 'owner', type: 'relationship', relationTo: 'users', required: true, index: true, label: { es: 'Titular', en: 'Owner' }, access: serverOnly, admin: readOnly },
  {
    name: 'status',
    type: 'select',
    required: true,
    defaultValue: 'pending',
    label: { es: 'Estado', en: 'Status' },
    options: PRIVACY_EXPORT_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] })),
    access: serverOnly,
    admin: readOnly,
  },
  // By the app clock (Payload's createdAt is the system's): the one-per-hour limit counts these.
  { name: 'requestedAt', type: 'date', required: true, index: true, label: { es: 'Pedida el', en: 'Requested at' }, access: serverOnly, admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } } },
  { name: 'readyAt', type: 'date', label: { es: 'Lista el', en: 'Ready at' }, access: serverOnly, admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } } },
  { name: 'expiresAt', type: 'date', index: true, label: { es: 'Vence el', en: 'Expires at' }, access: serverOnly, admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } } },
]
