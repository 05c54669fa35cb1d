import type { CollectionConfig } from 'payload'

import { anyone, isContentEditor } from '../../access'
import { slugField } from '../../fields/slug'
import { cachePublicCatalogReads } from '../../hooks/cachePublicCatalogReads'
import { catalogGroup } from '../catalogGroup'

export const Categories: CollectionConfig = {
  slug: 'categories',
  labels: {
    singular: { es: 'Categoría', en: 'Category' },
    plural: { es: 'Categorías', en: 'Categories' },
  },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug'], group: catalogGroup },
  hooks: { afterOperation: [cachePublicCatalogReads] },
  access: { read: anyone, create: isContentEditor, update: isContentEditor, delete: isContentEditor },
  // Embedded in a webinar or course (depth ≥ 1): what a catalog card and a filter link need.
  defaultPopulate: { name: true, slug: true },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120, label: { es: 'Nombre', en: 'Name' } },
    slugField('name'),
  ],
}
