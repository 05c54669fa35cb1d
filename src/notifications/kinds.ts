import type { Role } from '../access/roles'

/** Every kind of notification Aula sends. Triggers live in src/notifications/triggers. */
export const NOTIFICATION_KINDS = [
  'lead_assigned',
  'corporate_lead',
  'followup_overdue',
  'item_nearly_full',
  'waitlist_forming',
  'payment_failed',
  'refund_requested',
  'emails_failing',
  'waitlist_promoted',
  'schedule_changed',
  'certificate_issued',
  'webhook_disabled',
] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

export const isNotificationKind = (value: unknown): value is NotificationKind =>
  typeof value === 'string' && (NOTIFICATION_KINDS as readonly string[]).includes(value)

/**
 * Who receives each kind until an admin changes it in the `notification-settings` global.
 * Student kinds go to "the person" the event is about; the role filter still applies to them.
 */
export const DEFAULT_ROLES_FOR_KIND: Record<NotificationKind, Role[]> = {
  lead_assigned: ['admin', 'sales'],
  corporate_lead: ['sales'],
  followup_overdue: ['sales'],
  item_nearly_full: ['editor'],
  waitlist_forming: ['editor'],
  payment_failed: ['admin', 'sales'],
  refund_requested: ['admin', 'sales'],
  emails_failing: ['admin'],
  waitlist_promoted: ['student'],
  schedule_changed: ['student'],
  certificate_issued: ['student'],
  webhook_disabled: ['admin'],
}

export const KIND_LABELS: Record<NotificationKind, { es: string; en: string }> = {
  lead_assigned: { es: 'Prospecto asignado a mí', en: 'Lead assigned to me' },
  corporate_lead: { es: 'Nuevo prospecto corporativo', en: 'New corporate lead' },
  followup_overdue: { es: 'Seguimiento vencido', en: 'Follow-up overdue' },
  item_nearly_full: { es: 'Actividad casi llena', en: 'Item nearly full' },
  waitlist_forming: { es: 'Lista de espera en formación', en: 'Waitlist forming' },
  payment_failed: { es: 'Pago fallido', en: 'Payment failed' },
  refund_requested: { es: 'Reembolso solicitado', en: 'Refund requested' },
  emails_failing: { es: 'Correos que fallan', en: 'Emails failing' },
  waitlist_promoted: { es: 'Plaza obtenida desde la lista de espera', en: 'Promoted from the waitlist' },
  schedule_changed: { es: 'Cambio de horario', en: 'Schedule changed' },
  certificate_issued: { es: 'Certificado emitido', en: 'Certificate issued' },
  webhook_disabled: { es: 'Webhook desactivado', en: 'Webhook switched off' },
}

/** Options for select fields (kinds in settings and a user's mutes). */
export const KIND_OPTIONS = NOTIFICATION_KINDS.map((value) => ({ value, label: KIND_LABELS[value] }))
