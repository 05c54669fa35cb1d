import type { Field, FieldAccess } from 'payload'

import { checkRole } from '../../access'
import { teacherOfItemOrAdmin } from '../../access/enrollmentFieldRules'
import { feedbackFields } from '../../feedback/fields'
import { readRecipientForNewEnrollment } from '../../enrollment/notify/recipient'
import { ENROLLMENT_STATUSES, PAYMENT_STATUSES, PRICE_TIERS } from '../../enrollment/statuses'
import { personSearchTextField } from '../../people/personSearch'
import { personTimelineLinkField } from '../../people/timelineField'
import { staffNoteField } from './staffNote'
import { replacementFields } from './replacementFields'

const adminOnly: FieldAccess = ({ req: { user } }) => checkRole(['admin'], user)
const nobody: FieldAccess = () => false
/** Who may read coupons (src/collections/Coupons): everyone else sees the discount, not which coupon gave it. */
const salesOrAdmin: FieldAccess = ({ req: { user } }) => checkRole(['admin', 'sales'], user)

const statusLabels: Record<string, { es: string; en: string }> = {
  pending_payment: { es: 'Pendiente de pago', en: 'Pending payment' },
  confirmed: { es: 'Confirmada', en: 'Confirmed' },
  waitlisted: { es: 'En lista de espera', en: 'Waitlisted' },
  cancelled: { es: 'Cancelada', en: 'Cancelled' },
  refunded: { es: 'Reembolsada', en: 'Refunded' },
  not_required: { es: 'No requerido', en: 'Not required' },
  pending: { es: 'Pendiente', en: 'Pending' },
  paid: { es: 'Pagado', en: 'Paid' },
  failed: { es: 'Fallido', en: 'Failed' },
  free: { es: 'Gratis', en: 'Free' },
  regular: { es: 'Regular', en: 'Regular' },
  early_bird: { es: 'Preventa', en: 'Early bird' },
}
const options = (values: readonly string[]) => values.map((value) => ({ value, label: statusLabels[value] }))
/** Also a group booking's tier (src/collections/Bookings): one set of words for staff. */
export const priceTierOptions = options(PRICE_TIERS)

export const enrollmentFields: Field[] = [
  {
    type: 'row',
    fields: [
      { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true, label: { es: 'Persona', en: 'Person' }, access: { update: adminOnly } },
      { name: 'item', type: 'relationship', relationTo: ['webinars', 'courses'], required: true, label: { es: 'Webinar o curso', en: 'Webinar or course' }, access: { update: nobody } },
    ],
  },
  {
    type: 'row',
    fields: [
      { name: 'status', type: 'select', options: options(ENROLLMENT_STATUSES), index: true, label: { es: 'Estado', en: 'Status' }, access: { update: adminOnly } },
      { name: 'paymentStatus', type: 'select', options: options(PAYMENT_STATUSES), label: { es: 'Pago', en: 'Payment' }, access: { create: nobody, update: adminOnly } },
    ],
  },
  {
    type: 'row',
    fields: [
      { name: 'amount', type: 'number', min: 0, label: { es: 'Importe', en: 'Amount' }, access: { create: nobody, update: adminOnly } },
      { name: 'currency', type: 'text', maxLength: 3, label: { es: 'Moneda', en: 'Currency' }, access: { create: nobody, update: adminOnly } },
      { name: 'priceTier', type: 'select', options: priceTierOptions, label: { es: 'Tarifa', en: 'Price tier' }, access: { create: nobody, update: adminOnly } },
    ],
  },
  {
    // Frozen at registration by the seat rules (src/commerce/coupons/pricing.ts): the coupon redeemed,
    // the price it was applied to and what it took off. `amount` above is what is charged.
    type: 'row',
    fields: [
      { name: 'coupon', type: 'relationship', relationTo: 'coupons', index: true, label: { es: 'Cupón', en: 'Coupon' }, access: { read: salesOrAdmin, update: nobody } },
      { name: 'listPrice', type: 'number', min: 0, label: { es: 'Precio antes del cupón', en: 'Price before coupon' }, access: { create: nobody, update: adminOnly } },
      { name: 'discount', type: 'number', min: 0, defaultValue: 0, label: { es: 'Descuento', en: 'Discount' }, access: { create: nobody, update: adminOnly } },
    ],
  },
  {
    type: 'row',
    fields: [
      { name: 'attended', type: 'checkbox', defaultValue: false, label: { es: 'Asistió', en: 'Attended' }, access: { update: teacherOfItemOrAdmin } },
      // Computed from recorded attendance (src/attendance), never typed.
      { name: 'completionPercentage', type: 'number', min: 0, max: 100, label: { es: 'Avance (%)', en: 'Completion (%)' }, admin: { readOnly: true }, access: { create: nobody, update: nobody } },
      {
        name: 'completedAt',
        type: 'date',
        label: { es: 'Completado el', en: 'Completed at' },
        admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
        access: { create: nobody, update: nobody },
      },
    ],
  },
  staffNoteField,
  {
    type: 'collapsible',
    label: { es: 'Valoración', en: 'Feedback' },
    // The participant's own words, given once through the signed link (src/feedback): read-only for everyone else.
    fields: feedbackFields,
  },
  {
    type: 'collapsible',
    label: { es: 'Cancelación', en: 'Cancellation' },
    admin: { initCollapsed: true },
    fields: [
      { name: 'cancelledAt', type: 'date', admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } }, label: { es: 'Cancelada el', en: 'Cancelled at' }, access: { create: nobody, update: nobody } },
      { name: 'cancellationReason', type: 'text', maxLength: 500, label: { es: 'Motivo', en: 'Reason' }, access: { update: adminOnly } },
    ],
  },
  {
    name: 'source',
    type: 'select',
    defaultValue: 'admin',
    options: [
      { value: 'web', label: { es: 'Web', en: 'Web' } },
      { value: 'admin', label: { es: 'Administración', en: 'Admin' } },
      { value: 'import', label: { es: 'Importación', en: 'Import' } },
    ],
    label: { es: 'Origen', en: 'Source' },
    admin: { position: 'sidebar' },
    access: { update: nobody },
  },
  {
    // A seat sold inside a group or company booking (src/commerce/groups): its buyer and payment are the booking's.
    name: 'booking',
    type: 'relationship',
    relationTo: 'bookings',
    index: true,
    label: { es: 'Reserva de grupo', en: 'Group booking' },
    admin: { position: 'sidebar', readOnly: true },
    access: { create: nobody, update: nobody },
  },
  ...replacementFields,
  {
    // Filled only in the answer to a paid registration (REST and GraphQL): where to pay, and until when
    // the seat is held. Virtual, so nothing is stored or looked up on ordinary reads (see payments).
    type: 'row',
    admin: { condition: () => false },
    fields: [
      { name: 'checkoutUrl', type: 'text', virtual: true, label: { es: 'URL de pago', en: 'Checkout URL' }, access: { create: nobody, update: nobody } },
      { name: 'holdExpiresAt', type: 'date', virtual: true, label: { es: 'Reserva hasta', en: 'Hold expires at' }, admin: { date: { pickerAppearance: 'dayAndTime' } }, access: { create: nobody, update: nobody } },
      // A bank-transfer registration's answer (src/commerce/manualPayments): reference, amount, currency, holdExpiresAt, instructions.
      { name: 'bankTransfer', type: 'json', virtual: true, label: { es: 'Transferencia bancaria', en: 'Bank transfer' }, admin: { hidden: true }, access: { create: nobody, update: nobody } },
    ],
  },
  {
    // `<collection>:<item id>:<user id>` while the enrollment is active, empty otherwise. Its unique
    // index is the database's guarantee of one active enrollment per person and item.
    name: 'activeKey',
    type: 'text',
    unique: true,
    admin: { hidden: true },
    access: { read: nobody, create: nobody, update: nobody },
  },
  {
    // Frontends send an Idempotency-Key header on register/enroll; a retry returns this enrollment.
    // Stored as a hash of the caller and the key (src/enrollment/idempotency.ts), never the raw key.
    name: 'idempotencyKey',
    type: 'text',
    unique: true,
    maxLength: 200,
    admin: { hidden: true },
    access: { read: nobody, create: nobody, update: nobody },
  },
  {
    // Hash of the request the key was first sent with: a replay must ask for the same, or it is a 422.
    name: 'idempotencyRequest',
    type: 'text',
    maxLength: 64,
    admin: { hidden: true },
    access: { read: nobody, create: nobody, update: nobody },
  },
  // The person's name, email and company, for the list search (src/people/personSearch.ts); a new
  // enrollment's read of the person also serves its status email (src/enrollment/notify/recipient.ts).
  personSearchTextField(readRecipientForNewEnrollment),
  personTimelineLinkField(),
]
