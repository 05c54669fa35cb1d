import type { CollectionConfig } from 'payload'

import { isAdmin, nobody } from '../../access'
import { readPayments } from './access'
import { exportCsvListComponents } from '../../components/exportCsvButtonConfig'
import { exportCsvEndpoint } from '../../endpoints/exportCsv'
import { foldSearchQuery } from '../../hooks/foldSearchQuery'
import { refundEndpoint } from './endpoints/refund'
import { recordManualEndpoint } from './endpoints/recordManual'
import { paymentFields } from './fields'
import { followBooking } from './hooks/followBooking'
import { issueReceipts } from './hooks/issueReceipts'

/**
 * One payment per paid enrollment, written only by the server (checkout, webhook events, jobs).
 * See docs/payments.md.
 */
export const Payments: CollectionConfig = {
  slug: 'payments',
  labels: {
    singular: { es: 'Pago', en: 'Payment' },
    plural: { es: 'Pagos', en: 'Payments' },
  },
  admin: {
    group: { es: 'Pagos', en: 'Payments' },
    // A group's one payment shows its booking and seats; what was given back sits beside the amount (partial refunds, issue 18).
    defaultColumns: ['id', 'enrollment', 'booking', 'seats', 'user', 'status', 'method', 'reference', 'amount', 'amountRefunded', 'currency', 'needsReview', 'createdAt'],
    listSearchableFields: ['searchText', 'checkoutSessionId', 'paymentIntentId', 'reference'],
    components: exportCsvListComponents('payments'),
  },
  access: { read: readPayments, create: nobody, update: isAdmin, delete: nobody },
  hooks: { beforeOperation: [foldSearchQuery], afterChange: [followBooking, issueReceipts] },
  endpoints: [refundEndpoint, recordManualEndpoint, exportCsvEndpoint('payments')],
  fields: paymentFields,
  timestamps: true,
}
