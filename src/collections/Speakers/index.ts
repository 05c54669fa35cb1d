import type { CollectionConfig } from 'payload'

import { anyone, isContentEditor } from '../../access'
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
  access: { read: anyone, create: isContentEditor, update: isContentEditor, delete: isContentEditor },
  trash: true,
  fields: speakerFields,
}
