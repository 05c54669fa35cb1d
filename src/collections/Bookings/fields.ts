import type { Field } from 'payload'

import { checkRole } from '../../access'
import { BOOKING_STATUSES } from '../../commerce/groups/statuses'
import { priceTierOptions } from '../Enrollments/fields'

/** Written only by the server (src/commerce/groups): a booking is the frozen record of what was sold. */
const serverOnly = { create: () => false, update: () => false }

const statusLabels: Record<string, { es: string; en: string }> = {
  pending_payment: { es: 'Pendiente de pago', en: 'Pending payment' },
  confirmed: { es: 'Confirmada', en: 'Confirmed' },
  expired: { es: 'Vencida (sin pago)', en: 'Expired (unpaid)' },
  cancelled: { es: 'Cancelada', en: 'Cancelled' },
}

export const bookingFields: Field[] = [
  {
    type: 'row',
    fields: [
      { name: 'item', type: 'relationship', relationTo: ['webinars', 'courses'], required: true, index: true, label: { es: 'Webinar o curso', en: 'Webinar or course' }, access: serverOnly },
      { name: 'status', type: 'select', required: true, defaultValue: 'pending_payment', index: true, options: BOOKING_STATUSES.map((value) => ({ value, label: statusLabels[value] })), label: { es: 'Estado', en: 'Status' }, access: serverOnly },
    ],
  },
  {
    type: 'collapsible',
    label: { es: 'Comprador', en: 'Buyer' },
    fields: [
      {
        type: 'row',
        fields: [
          { name: 'buyer', type: 'relationship', relationTo: 'users', required: true, index: true, label: { es: 'Cuenta del comprador', en: 'Buyer account' }, access: serverOnly },
          { name: 'buyerName', type: 'text', maxLength: 201, label: { es: 'Nombre', en: 'Name' }, access: serverOnly },
          { name: 'buyerEmail', type: 'email', required: true, label: { es: 'Email', en: 'Email' }, access: serverOnly },
        ],
      },
      {
        type: 'row',
        fields: [
          { name: 'company', type: 'text', maxLength: 200, label: { es: 'Empresa', en: 'Company' }, access: serverOnly },
          { name: 'taxId', type: 'text', maxLength: 40, label: { es: 'RUC / NIF / RFC', en: 'Tax id' }, access: serverOnly },
        ],
      },
    ],
  },
  {
    type: 'row',
    fields: [
      { name: 'seats', type: 'number', required: true, min: 1, label: { es: 'Cupos', en: 'Seats' }, access: serverOnly },
      { name: 'currency', type: 'text', required: true, maxLength: 3, label: { es: 'Moneda', en: 'Currency' }, access: serverOnly },
      { name: 'paymentMethod', type: 'select', defaultValue: 'card', options: [{ value: 'card', label: { es: 'Tarjeta (Stripe)', en: 'Card (Stripe)' } }, { value: 'bank_transfer', label: { es: 'Transferencia bancaria', en: 'Bank transfer' } }], label: { es: 'Forma de pago', en: 'Payment method' }, access: serverOnly },
    ],
  },
  {
    type: 'row',
    fields: [
      { name: 'priceTier', type: 'select', options: priceTierOptions, label: { es: 'Tarifa', en: 'Price tier' }, access: serverOnly },
      // Per seat: the price before the coupon, the coupon's discount, what each seat costs after it.
      { name: 'unitListPrice', type: 'number', min: 0, label: { es: 'Precio por cupo', en: 'Unit list price' }, access: serverOnly },
      { name: 'unitDiscount', type: 'number', min: 0, label: { es: 'Descuento por cupo', en: 'Discount per seat' }, access: serverOnly },
      { name: 'unitAmount', type: 'number', min: 0, label: { es: 'Importe por cupo', en: 'Amount per seat' }, access: serverOnly },
      { name: 'total', type: 'number', required: true, min: 0, label: { es: 'Total', en: 'Total' }, access: serverOnly },
    ],
  },
  {
    type: 'row',
    fields: [
      { name: 'coupon', type: 'relationship', relationTo: 'coupons', index: true, label: { es: 'Cupón', en: 'Coupon' }, access: serverOnly },
      // The code as it was when booked, for the receipt and the buyer (the coupon may be edited later).
      { name: 'couponCode', type: 'text', maxLength: 64, label: { es: 'Código del cupón', en: 'Coupon code' }, admin: { readOnly: true }, access: serverOnly },
    ],
  },
  {
    // Each attendee's enrollment, for staff on the booking's page. The buyer's own view of the booking
    // does not list them: the REST/GraphQL answer at booking time names each seat's email already.
    name: 'attendees',
    type: 'join',
    collection: 'enrollments',
    on: 'booking',
    defaultSort: 'id',
    label: { es: 'Asistentes', en: 'Attendees' },
    admin: { defaultColumns: ['user', 'status', 'paymentStatus', 'amount'] },
    access: { read: ({ req: { user } }) => checkRole(['admin', 'editor', 'sales'], user) },
  },
  {
    // Staff pass a seat to someone else from the booking's page (src/commerce/bookingChanges).
    name: 'replaceAttendee',
    type: 'ui',
    admin: {
      position: 'sidebar',
      components: { Field: '/src/collections/Bookings/components/ReplaceAttendee#ReplaceAttendee' },
      condition: (data) => !['cancelled', 'expired'].includes(String(data?.status)),
    },
  },
  {
    // An Idempotency-Key replay of the booking request returns this booking (src/enrollment/idempotency.ts).
    name: 'idempotencyKey',
    type: 'text',
    unique: true,
    admin: { hidden: true },
    access: { read: () => false, create: () => false, update: () => false },
  },
  { name: 'idempotencyRequest', type: 'text', admin: { hidden: true }, access: { read: () => false, create: () => false, update: () => false } },
]
