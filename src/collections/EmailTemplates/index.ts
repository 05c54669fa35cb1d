import type { CollectionConfig } from 'payload'

import { isContentEditor, isStaff } from '../../access'
import { previewTemplate } from './endpoints/previewTemplate'
import { sendTestEmail } from './endpoints/sendTestEmail'
import { emailTemplateFields } from './fields'
import { rejectDuplicateKeyLocale } from './hooks/rejectDuplicateKeyLocale'
import { rejectUnknownVariables } from './hooks/rejectUnknownVariables'

export const EmailTemplates: CollectionConfig = {
  slug: 'email-templates',
  labels: {
    singular: { es: 'Plantilla de correo', en: 'Email template' },
    plural: { es: 'Plantillas de correo', en: 'Email templates' },
  },
  admin: {
    useAsTitle: 'subject',
    defaultColumns: ['key', 'locale', 'subject', 'updatedAt'],
    group: { es: 'Correo', en: 'Email' },
  },
  access: {
    read: isStaff,
    create: isContentEditor,
    update: isContentEditor,
    delete: isContentEditor,
  },
  indexes: [{ fields: ['key', 'locale'], unique: true }],
  endpoints: [previewTemplate, sendTestEmail],
  hooks: { beforeValidate: [rejectDuplicateKeyLocale, rejectUnknownVariables] },
  fields: emailTemplateFields,
}
