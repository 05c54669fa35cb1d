import type { CollectionConfig } from 'payload'

import { anyone, isContentEditor } from '../../access'
import { cachePublicCatalogReads } from '../../hooks/cachePublicCatalogReads'
import { catalogGroup } from '../catalogGroup'
import { speakerFields } from './fields'

export const Speakers: CollectionConfig = {
  slug: 'speakers',
  labels: {
    singular: { es: 'Ponente', en: 'Speaker' },
    plural: { es: 'Ponentes', en: 'Speakers' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'headline', 'company'],
    group: catalogGroup,
  },
  hooks: { afterOperation: [cachePublicCatalogReads] },
  access: { read: anyone, create: isContentEditor, update: isContentEditor, delete: isContentEditor },
  trash: true,
  // Embedded in a webinar or course (depth ≥ 1) a speaker is a card: who, what, where, a face. The
  // bio and staff contact details come with the speaker's own document (docs/api-catalog.md).
  defaultPopulate: { name: true, headline: true, company: true, photo: true, linkedinUrl: true },
  fields: speakerFields,
}
