import type { CollectionConfig } from 'payload'

import { nobody } from '../../access'

/**
 * The last certificate number handed out per year. One row per year, unique, incremented with
 * `INSERT … ON CONFLICT DO UPDATE … RETURNING` inside the issuing transaction (src/certificates/number.ts):
 * the row lock queues concurrent issuers, and a rolled-back issue rolls its number back too, so numbers
 * have neither gaps nor duplicates (docs/decisions/0015-certificate-numbers.md).
 */
export const CertificateCounters: CollectionConfig = {
  slug: 'certificate-counters',
  labels: {
    singular: { es: 'Contador de certificados', en: 'Certificate counter' },
    plural: { es: 'Contadores de certificados', en: 'Certificate counters' },
  },
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'year', type: 'number', required: true, unique: true, label: { es: 'Año', en: 'Year' } },
    { name: 'lastNumber', type: 'number', required: true, defaultValue: 0, label: { es: 'Último número', en: 'Last number' } },
  ],
  timestamps: true,
}
