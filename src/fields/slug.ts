import type { TextField } from 'payload'

import { generateSlug } from '../hooks/generateSlug'

/** The item's address on the website, generated from `sourceField` unless staff type one. */
export const slugField = (sourceField = 'title'): TextField => ({
  name: 'slug',
  type: 'text',
  unique: true,
  index: true,
  maxLength: 130,
  label: { es: 'Slug (URL)', en: 'Slug (URL)' },
  admin: {
    position: 'sidebar',
    description: {
      es: 'Se genera a partir del título si lo dejas vacío (sin tildes ni ñ). Debe ser único.',
      en: 'Generated from the title when left empty (accents folded). Must be unique.',
    },
  },
  hooks: { beforeValidate: [generateSlug(sourceField)] },
})
