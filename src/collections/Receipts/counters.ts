import type { CollectionConfig } from 'payload'

import { nobody } from '../../access'

/**
 * The last receipt or credit-note number handed out per series and year (`B` 2026, `NC` 2026), one row
 * each, incremented inside the payment's transaction (src/commerce/receipts/number.ts): no gaps, no
 * duplicates (docs/decisions/0020-receipts.md).
 */
export const ReceiptCounters: CollectionConfig = {
  slug: 'receipt-counters',
  labels: {
    singular: { es: 'Contador de comprobantes', en: 'Receipt counter' },
    plural: { es: 'Contadores de comprobantes', en: 'Receipt counters' },
  },
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'series', type: 'text', required: true, maxLength: 8, label: { es: 'Serie', en: 'Series' } },
    { name: 'year', type: 'number', required: true, label: { es: 'Año', en: 'Year' } },
    { name: 'lastNumber', type: 'number', required: true, defaultValue: 0, label: { es: 'Último número', en: 'Last number' } },
  ],
  indexes: [{ fields: ['series', 'year'], unique: true }],
  timestamps: true,
}
