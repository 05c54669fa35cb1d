import type { Field } from 'payload'

import { recordConsentChange } from './recordConsentChange'

export const CONSENT_METHODS = ['form', 'import', 'staff'] as const
export type ConsentMethod = (typeof CONSENT_METHODS)[number]

/** Stamped by the server only: a client can say yes or no, never when or how it said it. */
const serverStamped = { create: () => false, update: () => false }

/**
 * `marketingConsent` on users and leads: whether the person accepted marketing email, when, and how
 * (docs/decisions/0025-consent-and-unsubscribe.md). Campaigns read it (src/automation/consent/sql.ts);
 * transactional mail never does.
 */
export const marketingConsentField = (): Field => ({
  name: 'marketingConsent',
  type: 'group',
  label: { es: 'Consentimiento para correos de marketing', en: 'Marketing email consent' },
  admin: {
    position: 'sidebar',
    description: {
      es: 'Solo las personas con consentimiento reciben campañas. Los correos de inscripción, recordatorios y recibos se envían siempre.',
      en: 'Only people with consent get campaigns. Enrollment emails, reminders and receipts are always sent.',
    },
  },
  hooks: { beforeChange: [recordConsentChange] },
  fields: [
    { name: 'granted', type: 'checkbox', defaultValue: false, label: { es: 'Acepta correos de marketing', en: 'Accepts marketing email' } },
    {
      name: 'at',
      type: 'date',
      label: { es: 'Aceptado el', en: 'Granted at' },
      access: serverStamped,
      admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'method',
      type: 'select',
      label: { es: 'Cómo lo aceptó', en: 'How' },
      access: serverStamped,
      admin: { readOnly: true },
      options: [
        { value: 'form', label: { es: 'Formulario', en: 'Form' } },
        { value: 'import', label: { es: 'Importación', en: 'Import' } },
        { value: 'staff', label: { es: 'Personal', en: 'Staff' } },
      ],
    },
    {
      name: 'withdrawnAt',
      type: 'date',
      label: { es: 'Retirado el', en: 'Withdrawn at' },
      access: serverStamped,
      admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
  ],
})
