import type { Field } from 'payload'

const serverOnly = { create: () => false, update: () => false }

export const REFUND_REQUEST_STATUSES = ['requested', 'failed'] as const

/**
 * What was given back on a payment. `amountRefunded` is Stripe's cumulative figure (`charge.refunded`),
 * so it only ever rises; `refundRequests` is Aula's own record of each refund staff (or a job) asked
 * for, numbered per payment: the number is part of Stripe's idempotency key (`aula-refund-<id>-<n>`).
 */
export const refundFields: Field[] = [
  {
    name: 'amountRefunded',
    type: 'number',
    defaultValue: 0,
    min: 0,
    label: { es: 'Importe reembolsado', en: 'Amount refunded' },
    admin: { readOnly: true, description: { es: 'Suma devuelta hasta ahora, según Stripe.', en: 'Total given back so far, as Stripe reports it.' } },
    access: serverOnly,
  },
  {
    name: 'refundRequests',
    type: 'array',
    label: { es: 'Reembolsos pedidos', en: 'Refunds requested' },
    labels: { singular: { es: 'Reembolso', en: 'Refund' }, plural: { es: 'Reembolsos', en: 'Refunds' } },
    admin: { readOnly: true, initCollapsed: true, condition: (data) => Boolean(data?.refundRequests?.length) },
    access: serverOnly,
    fields: [
      {
        type: 'row',
        fields: [
          { name: 'number', type: 'number', required: true, label: { es: 'N.º', en: 'No.' } },
          { name: 'amount', type: 'number', required: true, min: 0, label: { es: 'Importe', en: 'Amount' } },
          {
            name: 'status',
            type: 'select',
            required: true,
            defaultValue: 'requested',
            options: [
              { value: 'requested', label: { es: 'Pedido a Stripe', en: 'Requested from Stripe' } },
              { value: 'failed', label: { es: 'Rechazado por Stripe', en: 'Refused by Stripe' } },
            ],
            label: { es: 'Estado', en: 'Status' },
          },
        ],
      },
      { name: 'reason', type: 'text', maxLength: 500, label: { es: 'Motivo', en: 'Reason' } },
      {
        type: 'row',
        fields: [
          { name: 'requestedAt', type: 'date', label: { es: 'Pedido el', en: 'Requested at' }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
          { name: 'requestedBy', type: 'relationship', relationTo: 'users', label: { es: 'Pedido por', en: 'Requested by' } },
          { name: 'stripeRefundId', type: 'text', label: { es: 'Reembolso en Stripe', en: 'Stripe refund' } },
        ],
      },
      { name: 'failure', type: 'text', label: { es: 'Error de Stripe', en: 'Stripe error' } },
    ],
  },
]
