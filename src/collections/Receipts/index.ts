import type { CollectionConfig } from 'payload'

import { nobody } from '../../access'
import { readReceipts } from './access'
import { downloadReceiptPdfEndpoint } from './endpoints/downloadPdf'
import { receiptFields } from './fields'

/**
 * Numbered receipts and credit notes (src/commerce/receipts; docs/decisions/0020-receipts.md). Issued
 * only by the payments hook inside the payment's transaction; never edited or deleted, by anyone.
 */
export const Receipts: CollectionConfig = {
  slug: 'receipts',
  labels: {
    singular: { es: 'Comprobante', en: 'Receipt' },
    plural: { es: 'Comprobantes', en: 'Receipts' },
  },
  admin: {
    group: { es: 'Pagos', en: 'Payments' },
    useAsTitle: 'number',
    defaultColumns: ['number', 'kind', 'payment', 'total', 'currency', 'issuedAt'],
    listSearchableFields: ['number'],
  },
  defaultSort: '-issuedAt',
  access: { read: readReceipts, create: nobody, update: nobody, delete: nobody },
  endpoints: [downloadReceiptPdfEndpoint],
  fields: receiptFields,
  timestamps: true,
}
