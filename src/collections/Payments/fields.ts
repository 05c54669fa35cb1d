import type { Field } from 'payload'

import { isAdminField } from '../../access'
import { personSearchTextField } from '../../people/personSearch'
import { personTimelineLinkField } from '../../people/timelineField'
import { PAYMENT_RECORD_STATUSES } from '../../payments/statuses'
import { erasureNoteField } from '../../privacy/erasure/fields'
import { refundFields } from './refundFields'
import { manualPaymentFields } from './manualFields'

const serverOnly = { create: () => false, update: () => false }

const statusLabels: Record<string, { es: string; en: string }> = {
  pending: { es: 'Pendiente', en: 'Pending' },
  failed: { es: 'Fallido', en: 'Failed' },
  expired: { es: 'Vencido', en: 'Expired' },
  succeeded: { es: 'Pagado', en: 'Succeeded' },
  refunded: { es: 'Reembolsado', en: 'Refunded' },
}

/** Everything here is written by the server (checkout, webhook, jobs); admins only clear the review flag. */
export const paymentFields: Field[] = [
  {
    type: 'row',
    fields: [
      { name: 'enrollment', type: 'relationship', relationTo: 'enrollments', required: true, unique: true, label: { es: 'Inscripción', en: 'Enrollment' }, access: serverOnly },
      // Copied from the enrollment so "a student reads their own payments" is a plain row filter.
      { name: 'user', type: 'relationship', relationTo: 'users', index: true, label: { es: 'Persona', en: 'Person' }, access: serverOnly },
    ],
  },
  {
    // A group booking's one payment (src/commerce/groups): `enrollment` is its first attendee's, `user` the buyer.
    type: 'row',
    fields: [
      { name: 'booking', type: 'relationship', relationTo: 'bookings', index: true, label: { es: 'Reserva de grupo', en: 'Group booking' }, access: serverOnly },
      { name: 'seats', type: 'number', defaultValue: 1, min: 1, label: { es: 'Cupos', en: 'Seats' }, access: serverOnly },
    ],
  },
  {
    type: 'row',
    fields: [
      { name: 'status', type: 'select', required: true, defaultValue: 'pending', index: true, options: PAYMENT_RECORD_STATUSES.map((value) => ({ value, label: statusLabels[value] })), label: { es: 'Estado', en: 'Status' }, access: serverOnly },
      { name: 'provider', type: 'select', defaultValue: 'stripe', options: [{ value: 'stripe', label: 'Stripe' }, { value: 'manual', label: { es: 'Manual (registrado por el equipo)', en: 'Manual (recorded by staff)' } }], label: { es: 'Proveedor', en: 'Provider' }, access: serverOnly },
      { name: 'amount', type: 'number', required: true, min: 0, label: { es: 'Importe', en: 'Amount' }, access: serverOnly },
      { name: 'currency', type: 'text', required: true, maxLength: 3, label: { es: 'Moneda', en: 'Currency' }, access: serverOnly },
    ],
  },
  {
    name: 'holdExpiresAt',
    type: 'date',
    index: true,
    admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' }, description: { es: 'El asiento queda reservado hasta esta hora.', en: 'The seat is held until this time.' } },
    label: { es: 'Reserva hasta', en: 'Hold expires at' },
    access: serverOnly,
  },
  {
    type: 'row',
    fields: [
      { name: 'needsReview', type: 'checkbox', defaultValue: false, index: true, label: { es: 'Revisar', en: 'Needs review' }, access: { create: () => false, update: isAdminField } },
      { name: 'reviewReason', type: 'text', maxLength: 500, label: { es: 'Motivo de revisión', en: 'Review reason' }, access: { create: () => false, update: isAdminField } },
    ],
  },
  {
    type: 'collapsible',
    label: 'Stripe',
    // A payment staff record by hand (bank transfer, cash) never touches Stripe: nothing to show.
    admin: { condition: (data) => data?.provider !== 'manual' },
    fields: [
      { name: 'checkoutSessionId', type: 'text', unique: true, label: { es: 'Sesión de Checkout', en: 'Checkout Session' }, admin: { readOnly: true }, access: serverOnly },
      { name: 'checkoutUrl', type: 'text', label: { es: 'URL de pago', en: 'Checkout URL' }, admin: { readOnly: true }, access: serverOnly },
      { name: 'paymentIntentId', type: 'text', index: true, label: { es: 'PaymentIntent', en: 'PaymentIntent' }, admin: { readOnly: true }, access: serverOnly },
      { name: 'failureMessage', type: 'text', label: { es: 'Último error', en: 'Last failure' }, admin: { readOnly: true }, access: serverOnly },
      { name: 'refundRequestedAt', type: 'date', label: { es: 'Reembolso pedido el', en: 'Refund requested at' }, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } }, access: serverOnly },
      { name: 'refundReason', type: 'text', label: { es: 'Motivo del reembolso', en: 'Refund reason' }, admin: { readOnly: true }, access: serverOnly },
      {
        // Every Stripe event that touched this payment, once each (the event itself is in stripe-events).
        name: 'stripeEvents',
        type: 'array',
        label: { es: 'Eventos de Stripe', en: 'Stripe events' },
        admin: { readOnly: true, initCollapsed: true },
        access: serverOnly,
        fields: [
          { name: 'eventId', type: 'text', required: true, label: { es: 'Evento', en: 'Event' } },
          { name: 'type', type: 'text', label: { es: 'Tipo', en: 'Type' } },
          { name: 'outcome', type: 'text', label: { es: 'Resultado', en: 'Outcome' } },
        ],
      },
    ],
  },
  // Bank transfer, cash and deposits (src/commerce/manualPayments): method, reference to quote, entries, the sidebar form.
  ...manualPaymentFields,
  // Partial and full refunds staff asked for (src/payments/refunds.ts), and what Stripe says was given back.
  ...refundFields,
  {
    name: 'refundButton',
    type: 'ui',
    admin: {
      position: 'sidebar',
      components: { Field: '/src/collections/Payments/components/RefundButton#RefundButton' },
      condition: (data) => data?.status === 'succeeded',
    },
  },
  {
    // Its receipts and credit notes with their PDFs (src/commerce/receipts).
    name: 'receiptsList',
    type: 'ui',
    admin: { position: 'sidebar', components: { Field: '/src/components/receipts/PaymentReceipts#PaymentReceipts' } },
  },
  // The person's name, email and company, for the list search (src/people/personSearch.ts).
  personSearchTextField(),
  personTimelineLinkField(),
  // Set when the buyer's personal data is erased (src/privacy/erasure).
  erasureNoteField,
]
