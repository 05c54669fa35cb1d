import type { Field } from 'payload'

import { EMAIL_RELATED_COLLECTIONS } from '../../email/relatedCollections'
import { EMAIL_STATUSES } from '../../email/statuses'
import { EMAIL_LOCALES, EMAIL_LOG_KEYS } from '../../email/templateVariables'
import { isTestEmail } from '../../email/testEmail'
import { emailLogKeyLabels } from '../EmailTemplates/keyLabels'
import { personalUnlessAboutALead } from './access'
import { hideSignedLinks } from './hooks/hideSignedLinks'

const statusLabels = {
  queued: { es: 'En cola', en: 'Queued' },
  sending: { es: 'Enviando', en: 'Sending' },
  sent: { es: 'Enviado', en: 'Sent' },
  failed: { es: 'Fallido', en: 'Failed' },
  cancelled: { es: 'Cancelado', en: 'Cancelled' },
}

/** Every field is written by the pipeline (queueEmail and the sendEmail task), never by hand. */
export const emailLogFields: Field[] = [
  { name: 'to', type: 'email', required: true, index: true, label: { es: 'Para', en: 'To' }, access: { read: personalUnlessAboutALead } },
  {
    type: 'row',
    fields: [
      {
        name: 'templateKey',
        type: 'select',
        required: true,
        index: true,
        label: { es: 'Correo', en: 'Email' },
        options: EMAIL_LOG_KEYS.map((key) => ({ value: key, label: emailLogKeyLabels[key] })),
      },
      {
        name: 'locale',
        type: 'select',
        required: true,
        defaultValue: 'es',
        label: { es: 'Idioma', en: 'Language' },
        options: [...EMAIL_LOCALES],
      },
    ],
  },
  { name: 'subject', type: 'text', label: { es: 'Asunto enviado', en: 'Subject sent' }, access: { read: personalUnlessAboutALead } },
  {
    name: 'relatedDocument',
    type: 'relationship',
    relationTo: EMAIL_RELATED_COLLECTIONS,
    label: { es: 'Documento relacionado', en: 'Related document' },
  },
  {
    // The email rule that planned this row (src/automation/rules): checked again at send time, and what re-planning cancels.
    name: 'rule',
    type: 'relationship',
    relationTo: 'email-rules',
    index: true,
    label: { es: 'Regla de correo', en: 'Email rule' },
    admin: { position: 'sidebar', readOnly: true },
  },
  {
    // A campaign's row (src/automation/campaigns): one per person, rendered from the campaign at send time.
    name: 'campaign',
    type: 'relationship',
    relationTo: 'campaigns',
    index: true,
    label: { es: 'Campaña', en: 'Campaign' },
    admin: { position: 'sidebar', readOnly: true },
  },
  {
    name: 'variables',
    type: 'json',
    label: { es: 'Variables', en: 'Variables' },
    access: { read: personalUnlessAboutALead },
    hooks: { afterRead: [hideSignedLinks] },
  },
  {
    name: 'attachments',
    type: 'json',
    label: { es: 'Adjuntos', en: 'Attachments' },
    admin: { hidden: true },
  },
  {
    name: 'status',
    type: 'select',
    required: true,
    defaultValue: 'queued',
    index: true,
    label: { es: 'Estado', en: 'Status' },
    options: EMAIL_STATUSES.map((status) => ({ value: status, label: statusLabels[status] })),
    admin: { position: 'sidebar' },
  },
  {
    name: 'resend',
    type: 'ui',
    admin: { position: 'sidebar', components: { Field: '/src/components/ResendEmailButton#ResendEmailButton' } },
  },
  { name: 'attempts', type: 'number', required: true, defaultValue: 0, label: { es: 'Intentos', en: 'Attempts' }, admin: { position: 'sidebar' } },
  { name: 'lastError', type: 'textarea', label: { es: 'Último error', en: 'Last error' } },
  {
    name: 'scheduledFor',
    type: 'date',
    index: true,
    label: { es: 'Programado para', en: 'Scheduled for' },
    admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
  },
  { name: 'sentAt', type: 'date', label: { es: 'Enviado el', en: 'Sent at' }, admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } },
  { name: 'claimedAt', type: 'date', label: { es: 'Tomado el', en: 'Claimed at' }, admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } },
  { name: 'messageId', type: 'text', label: { es: 'Message-ID', en: 'Message-ID' } },
  {
    name: 'dedupeKey',
    type: 'text',
    required: true,
    unique: true,
    label: { es: 'Clave de unicidad', en: 'Dedupe key' },
    admin: { description: { es: 'Un correo por clave, nunca dos.', en: 'One email per key, never two.' } },
  },
  {
    // A test a staff member sent themselves from a template's page (src/email/testEmail.ts); derived from the dedupe key, no column.
    name: 'isTest',
    type: 'checkbox',
    virtual: true,
    label: { es: 'Correo de prueba', en: 'Test email' },
    admin: { position: 'sidebar', readOnly: true },
    hooks: { afterRead: [({ siblingData }) => isTestEmail(siblingData?.dedupeKey)] },
  },
]
