import type { Field, FieldAccess } from 'payload'

import { erasureNoteField } from '../../privacy/erasure/fields'

const nobody: FieldAccess = () => false
/** Every field is written once, by src/commerce/receipts at issue; the API writes none. */
const frozen = { access: { create: nobody, update: nobody }, admin: { readOnly: true } }

const text = (name: string, es: string, en: string, extra: Record<string, unknown> = {}): Field =>
  ({ name, type: 'text', label: { es, en }, ...frozen, ...extra }) as Field
const money = (name: string, es: string, en: string, extra: Record<string, unknown> = {}): Field =>
  ({ name, type: 'number', label: { es, en }, ...frozen, ...extra }) as Field

export const RECEIPT_KINDS = ['receipt', 'credit_note'] as const
export type ReceiptKind = (typeof RECEIPT_KINDS)[number]

export const receiptFields: Field[] = [
  {
    type: 'row',
    fields: [
      text('number', 'Número', 'Number', { required: true, unique: true }),
      {
        name: 'kind',
        type: 'select',
        required: true,
        index: true,
        options: [
          { value: 'receipt', label: { es: 'Comprobante de pago', en: 'Receipt' } },
          { value: 'credit_note', label: { es: 'Nota de crédito', en: 'Credit note' } },
        ],
        label: { es: 'Tipo', en: 'Kind' },
        ...frozen,
      },
      { name: 'issuedAt', type: 'date', required: true, label: { es: 'Emitido el', en: 'Issued at' }, ...frozen, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
    ],
  },
  {
    type: 'row',
    fields: [
      { name: 'payment', type: 'relationship', relationTo: 'payments', required: true, index: true, label: { es: 'Pago', en: 'Payment' }, ...frozen },
      { name: 'creditFor', type: 'relationship', relationTo: 'receipts', label: { es: 'Anula (en parte) el comprobante', en: 'Credits receipt' }, ...frozen, admin: { readOnly: true, condition: (data) => data?.kind === 'credit_note' } },
      // Who may read it besides staff: the payment's person and the group's buyer (access.ts).
      { name: 'user', type: 'relationship', relationTo: 'users', index: true, label: { es: 'Persona del pago', en: 'Payment person' }, ...frozen },
      { name: 'buyerUser', type: 'relationship', relationTo: 'users', index: true, label: { es: 'Comprador', en: 'Buyer' }, ...frozen },
    ],
  },
  {
    type: 'row',
    fields: [
      text('currency', 'Moneda', 'Currency', { required: true, maxLength: 3 }),
      money('total', 'Total', 'Total', { required: true }),
      money('taxBase', 'Base imponible', 'Tax base'),
      money('tax', 'Impuesto', 'Tax'),
    ],
  },
  {
    type: 'collapsible',
    label: { es: 'Lo que dice el comprobante (congelado al emitirlo)', en: 'What the receipt says (frozen at issue)' },
    // A snapshot: later changes to the billing settings, the buyer or the item never rewrite an issued receipt.
    fields: [
      {
        name: 'seller',
        type: 'group',
        label: { es: 'Vendedor', en: 'Seller' },
        fields: [text('legalName', 'Razón social', 'Legal name'), text('taxId', 'Identificación fiscal', 'Tax id'), text('address', 'Dirección', 'Address'), text('email', 'Correo', 'Email')],
      },
      {
        name: 'buyer',
        type: 'group',
        label: { es: 'Comprador', en: 'Buyer' },
        fields: [text('name', 'Nombre', 'Name'), text('email', 'Correo', 'Email'), text('company', 'Empresa', 'Company'), text('taxId', 'Identificación fiscal', 'Tax id')],
      },
      {
        name: 'lines',
        type: 'array',
        label: { es: 'Líneas', en: 'Lines' },
        ...frozen,
        fields: [
          text('description', 'Concepto', 'Description'),
          money('quantity', 'Cantidad', 'Quantity'),
          money('unitPrice', 'Precio unitario', 'Unit price'),
          money('amount', 'Importe', 'Amount'),
        ],
      },
      {
        type: 'row',
        fields: [
          text('taxName', 'Impuesto', 'Tax name'),
          money('taxRatePercent', 'Tasa (%)', 'Rate (%)'),
          text('method', 'Medio de pago', 'Payment method'),
          text('language', 'Idioma', 'Language'),
        ],
      },
      text('issuedOn', 'Fecha impresa', 'Printed date'),
      text('creditForNumber', 'Número del comprobante corregido', 'Credited receipt number', { admin: { readOnly: true, condition: (data: Record<string, unknown>) => data?.kind === 'credit_note' } }),
      text('reason', 'Motivo', 'Reason', { admin: { readOnly: true, condition: (data: Record<string, unknown>) => data?.kind === 'credit_note' } }),
    ],
  },
  // One receipt per payment, one credit note per refunded total: a retry of the same hook finds it instead of numbering twice.
  text('issueKey', 'Clave de emisión', 'Issue key', { required: true, unique: true, admin: { readOnly: true, hidden: true } }),
  {
    name: 'pdfLink',
    type: 'ui',
    admin: { position: 'sidebar', components: { Field: '/src/components/receipts/ReceiptPdfLink#ReceiptPdfLink' } },
  },
  // Set when the buyer's personal data is erased: the receipt keeps its amounts, dates and number (src/privacy/erasure).
  erasureNoteField,
]
