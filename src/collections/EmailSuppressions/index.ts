import type { CollectionConfig } from 'payload'

import { isCampaignStaff, nobody } from '../../access'
import { normalizeEmail } from '../Users/hooks/normalizeEmail'
import { emailSuppressionFields } from './fields'
import { markAsStaffSuppression } from './hooks/markAsStaffSuppression'

/**
 * Addresses no campaign writes to again (docs/decisions/0025-consent-and-unsubscribe.md): filled by the
 * unsubscribe link (src/automation/consent) and by staff by hand. Transactional mail ignores it.
 * Rows are never edited: a mistake is deleted and added again.
 */
export const EmailSuppressions: CollectionConfig = {
  slug: 'email-suppressions',
  labels: {
    singular: { es: 'Dirección bloqueada', en: 'Suppressed address' },
    plural: { es: 'Direcciones bloqueadas', en: 'Suppressed addresses' },
  },
  admin: {
    useAsTitle: 'email',
    group: { es: 'Correo', en: 'Email' },
    defaultColumns: ['email', 'reason', 'campaign', 'createdAt'],
    description: {
      es: 'Ninguna campaña se envía a estas direcciones. Los correos de inscripción, recordatorios y recibos sí se envían.',
      en: 'No campaign is sent to these addresses. Enrollment emails, reminders and receipts still are.',
    },
  },
  // The people who run campaigns read the list, add an address by hand and take one off; instructors do not.
  access: { read: isCampaignStaff, create: isCampaignStaff, update: nobody, delete: isCampaignStaff },
  hooks: {
    beforeValidate: [normalizeEmail],
    beforeChange: [markAsStaffSuppression],
  },
  fields: emailSuppressionFields,
  timestamps: true,
}
