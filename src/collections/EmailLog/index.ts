import type { CollectionConfig } from 'payload'

import { nobody } from '../../access'
import { readEmailLog } from './access'
import { resendEmail } from './endpoints/resendEmail'
import { emailLogFields } from './fields'

/** One row per email Aula means to send. Written only by queueEmail and the sendEmail task. */
export const EmailLog: CollectionConfig = {
  slug: 'email-log',
  labels: {
    singular: { es: 'Registro de correo', en: 'Email log entry' },
    plural: { es: 'Registro de correos', en: 'Email log' },
  },
  admin: {
    useAsTitle: 'to',
    defaultColumns: ['to', 'templateKey', 'status', 'attempts', 'scheduledFor', 'sentAt'],
    group: { es: 'Correo', en: 'Email' },
  },
  defaultSort: '-createdAt',
  access: {
    read: readEmailLog,
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  endpoints: [resendEmail],
  fields: emailLogFields,
}
