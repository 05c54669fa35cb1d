import type { Field } from 'payload'

const setByErasureOnly = { create: () => false, update: () => false }

/** Users: when the person was erased (src/privacy/erasure); set only by the erasure, by SQL. */
export const erasedAtField: Field = {
  name: 'erasedAt',
  type: 'date',
  index: true,
  label: { es: 'Datos borrados el', en: 'Erased at' },
  access: setByErasureOnly,
  admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' }, condition: (data) => Boolean(data?.erasedAt) },
}

/** Payments and receipts: "Datos personales borrados a petición del titular el …", once the buyer is erased. */
export const erasureNoteField: Field = {
  name: 'erasureNote',
  type: 'text',
  label: { es: 'Borrado de datos personales', en: 'Personal data erasure' },
  access: setByErasureOnly,
  admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.erasureNote) },
}

/** "Borrar datos personales" on a user's or lead's page (admins only; the component checks the role). */
export const erasePersonButtonField: Field = {
  name: 'erasePersonalData',
  type: 'ui',
  admin: { position: 'sidebar', components: { Field: '/src/components/privacy/ErasePersonButton#ErasePersonButton' } },
}
