/** A receipt or credit note as stored (src/collections/Receipts/fields.ts). */
export type { Receipt as ReceiptDoc } from '../../payload-types'
