import type { Field } from 'payload'

import { MANUAL_METHODS, PAYMENT_METHODS } from '../../commerce/manualPayments/methods'

const serverOnly = { create: () => false, update: () => false }

export const methodLabels: Record<(typeof PAYMENT_METHODS)[number], { es: string; en: string }> = {
  card: { es: 'Tarjeta (Stripe)', en: 'Card (Stripe)' },
  bank_transfer: { es: 'Transferencia bancaria', en: 'Bank transfer' },
  cash: { es: 'Efectivo', en: 'Cash' },
  deposit: { es: 'Depósito en cuenta', en: 'Bank deposit' },
}

/**
 * How a payment is (or will be) paid, and the money staff recorded by hand (src/commerce/manualPayments).
 * Only the server writes them: staff record money through "Registrar pago manual" (POST /api/payments/:id/record-manual),
 * which keeps every entry and confirms the seats once they cover the amount.
 */
export const manualPaymentFields: Field[] = [
  {
    type: 'row',
    fields: [
      {
        name: 'method',
        type: 'select',
        defaultValue: 'card',
        index: true,
        options: PAYMENT_METHODS.map((value) => ({ value, label: methodLabels[value] })),
        label: { es: 'Medio de pago', en: 'Payment method' },
        access: serverOnly,
      },
      {
        // The code a bank transfer must quote (AULA-7K3F9Q): how staff match a line of the bank statement to this payment.
        name: 'reference',
        type: 'text',
        unique: true,
        maxLength: 20,
        label: { es: 'Referencia a indicar', en: 'Reference to quote' },
        admin: { readOnly: true },
        access: serverOnly,
      },
      {
        name: 'receivedAt',
        type: 'date',
        label: { es: 'Dinero recibido el', en: 'Money received on' },
        admin: { readOnly: true, date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } },
        access: serverOnly,
      },
    ],
  },
  {
    name: 'manualEntries',
    type: 'array',
    label: { es: 'Pagos registrados a mano', en: 'Manually recorded payments' },
    labels: { singular: { es: 'Pago registrado', en: 'Recorded payment' }, plural: { es: 'Pagos registrados', en: 'Recorded payments' } },
    admin: { readOnly: true, condition: (data) => Boolean(data?.manualEntries?.length) },
    access: serverOnly,
    fields: [
      {
        type: 'row',
        fields: [
          { name: 'method', type: 'select', required: true, options: MANUAL_METHODS.map((value) => ({ value, label: methodLabels[value] })), label: { es: 'Medio', en: 'Method' } },
          { name: 'reference', type: 'text', maxLength: 100, label: { es: 'N.º de operación', en: 'Operation number' } },
          { name: 'receivedOn', type: 'date', required: true, label: { es: 'Recibido el', en: 'Received on' }, admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } } },
          { name: 'amount', type: 'number', required: true, min: 0, label: { es: 'Importe', en: 'Amount' } },
        ],
      },
      {
        type: 'row',
        fields: [
          { name: 'recordedBy', type: 'relationship', relationTo: 'users', label: { es: 'Registrado por', en: 'Recorded by' } },
          { name: 'recordedAt', type: 'date', label: { es: 'Registrado el', en: 'Recorded at' }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
          { name: 'note', type: 'text', maxLength: 500, label: { es: 'Nota', en: 'Note' } },
        ],
      },
    ],
  },
  {
    name: 'recordManualPayment',
    type: 'ui',
    admin: {
      position: 'sidebar',
      components: { Field: '/src/collections/Payments/components/RecordManualPayment#RecordManualPayment' },
      condition: (data) => ['pending', 'failed', 'expired'].includes(String(data?.status)),
    },
  },
]
