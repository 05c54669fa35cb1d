import type { Field } from 'payload'

/** Set by the server (the unsubscribe link, or the staff member adding a row), never typed. */
const serverOnly = { create: () => false, update: () => false }

export const emailSuppressionFields: Field[] = [
  // Unique and stored lower-case: one row per address, and the unsubscribe's ON CONFLICT relies on it.
  { name: 'email', type: 'email', required: true, unique: true, label: { es: 'Correo', en: 'Email' } },
  {
    name: 'reason',
    type: 'select',
    required: true,
    defaultValue: 'staff',
    label: { es: 'Motivo', en: 'Reason' },
    access: serverOnly,
    admin: { readOnly: true },
    options: [
      { value: 'unsubscribed', label: { es: 'Se dio de baja', en: 'Unsubscribed' } },
      { value: 'staff', label: { es: 'Bloqueada por el personal', en: 'Suppressed by staff' } },
    ],
  },
  {
    name: 'campaign',
    type: 'relationship',
    relationTo: 'campaigns',
    label: { es: 'Campaña', en: 'Campaign' },
    access: serverOnly,
    admin: { readOnly: true, description: { es: 'La campaña desde la que se dio de baja.', en: 'The campaign they unsubscribed from.' } },
  },
  {
    name: 'addedBy',
    type: 'relationship',
    relationTo: 'users',
    // An id in API answers: the list is about addresses, not the staff member's account.
    maxDepth: 0,
    label: { es: 'Añadida por', en: 'Added by' },
    access: serverOnly,
    admin: { readOnly: true },
  },
  { name: 'note', type: 'textarea', maxLength: 1000, label: { es: 'Nota', en: 'Note' } },
]
