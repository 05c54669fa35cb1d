import type { CollectionAfterChangeHook } from 'payload'

import { issueReceiptsForPayment } from '../../../commerce/receipts/issue'
import type { Payment } from '../../../payload-types'

/**
 * Money in → the payment's numbered receipt; more refunded → a credit note. Runs with the write's
 * `req`, so the receipt and its number commit or roll back with the payment (src/commerce/receipts).
 */
export const issueReceipts: CollectionAfterChangeHook<Payment> = async ({ doc, previousDoc, operation, req }) => {
  await issueReceiptsForPayment(req, doc, operation === 'update' ? previousDoc : null)
  return doc
}
