/**
 * Which `{{variables}}` each email may use. Saving a template that uses any other one is refused,
 * so a typo never reaches a customer as a blank. Pure data: the admin preview imports it too.
 */
export const EMAIL_LOCALES = ['es', 'en'] as const
export type EmailLocale = (typeof EMAIL_LOCALES)[number]
export const DEFAULT_EMAIL_LOCALE: EmailLocale = 'es'

export const EMAIL_TEMPLATE_KEYS = [
  'enrollment_confirmed',
  'enrollment_waitlisted',
  'waitlist_promoted',
  'payment_failed',
  'enrollment_cancelled',
  'webinar_reminder_24h',
  'webinar_reminder_1h',
  'webinar_access_15m',
  'webinar_rescheduled',
  'lead_received',
  'lead_assigned',
  'sales_followup_digest',
  'email_change_confirm',
  'email_change_notice',
  'enrollment_already_registered',
  'participants_message',
  'staff_invitation',
  'course_session_reminder_24h',
  'course_session_reminder_1h',
  'course_session_access_15m',
  'course_schedule_changed',
  'certificate_issued',
  'followup_attended',
  'followup_missed',
  'followup_released',
  'bank_transfer_instructions',
  'receipt_issued',
  'credit_note_issued',
  'group_booking_confirmed',
  'booking_attendee_replaced',
  'privacy_export_ready',
] as const
export type EmailTemplateKey = (typeof EMAIL_TEMPLATE_KEYS)[number]

/**
 * An email-log row of a campaign (src/automation/campaigns): its subject and body come from the
 * campaign itself, so this key has no stock template and is not a choice for templates or rules.
 */
export const CAMPAIGN_EMAIL_KEY = 'campaign' as const
/** What an email-log row may be: an email from a template, or a campaign's. */
export const EMAIL_LOG_KEYS = [...EMAIL_TEMPLATE_KEYS, CAMPAIGN_EMAIL_KEY] as const
export type EmailLogKey = (typeof EMAIL_LOG_KEYS)[number]

const RECIPIENT = ['firstName', 'lastName', 'email'] as const
const ITEM = ['title', 'startsAt', 'timezone', 'meetingLink', 'seatsLeft', 'cancelUrl', 'itemUrl'] as const
const PAYMENT = ['amount', 'currency'] as const
const LEAD = ['leadName', 'company', 'interest', 'leadUrl'] as const
/** One session of a course (src/courses/notify): its start already written in the course's zone, saying which zone. */
const SESSION = ['sessionName', 'sessionNumber', 'sessionStartsAt', 'location'] as const
/** A finished webinar or course (src/followUps): what was recorded and shared. */
const FOLLOW_UP = ['title', 'startsAt', 'timezone', 'itemUrl', 'recordingUrl', 'materials'] as const

export const ALLOWED_VARIABLES: Record<EmailTemplateKey, readonly string[]> = {
  enrollment_confirmed: [...RECIPIENT, ...ITEM, ...PAYMENT],
  enrollment_waitlisted: [...RECIPIENT, ...ITEM],
  // A paid seat is held for payment: `nextStep` says "pay before …" with the `payUrl`, or that nothing is left to do.
  waitlist_promoted: [...RECIPIENT, ...ITEM, ...PAYMENT, 'payUrl', 'holdExpiresAt', 'nextStep'],
  payment_failed: [...RECIPIENT, ...ITEM, ...PAYMENT, 'reason'],
  enrollment_cancelled: [...RECIPIENT, ...ITEM, ...PAYMENT, 'reason'],
  webinar_reminder_24h: [...RECIPIENT, ...ITEM],
  webinar_reminder_1h: [...RECIPIENT, ...ITEM],
  webinar_access_15m: [...RECIPIENT, ...ITEM],
  webinar_rescheduled: [...RECIPIENT, ...ITEM, 'reason'],
  lead_received: [...RECIPIENT, 'interest'],
  lead_assigned: [...RECIPIENT, ...LEAD],
  sales_followup_digest: [...RECIPIENT, 'leadList'],
  // Sent to the new address: following `confirmUrl` is what makes it the account's email.
  email_change_confirm: [...RECIPIENT, 'newEmail', 'confirmUrl'],
  // Sent to the current address, so its owner learns of a change they did not ask for.
  email_change_notice: [...RECIPIENT, 'newEmail'],
  // Someone registered a person already registered: they learn of it, with their cancel (and pay) link.
  enrollment_already_registered: [...RECIPIENT, ...ITEM, ...PAYMENT, 'payUrl', 'holdExpiresAt', 'nextStep'],
  // A one-off message staff write on a participants page (src/participants): their subject and body, already per recipient.
  participants_message: [...RECIPIENT, 'title', 'startsAt', 'timezone', 'messageSubject', 'messageBody'],
  // An admin created the person's account (src/accounts/invitation.ts): `setPasswordUrl` lets them choose a password, for `validDays` days.
  staff_invitation: [...RECIPIENT, 'setPasswordUrl', 'validDays'],
  course_session_reminder_24h: [...RECIPIENT, ...ITEM, ...SESSION],
  course_session_reminder_1h: [...RECIPIENT, ...ITEM, ...SESSION],
  course_session_access_15m: [...RECIPIENT, ...ITEM, ...SESSION],
  // `scheduleChanges` is the list of what moved, was added or removed (old → new, in the course's zone), built by Aula.
  course_schedule_changed: [...RECIPIENT, ...ITEM, 'scheduleChanges'],
  // A certificate (or its corrected version) is ready (src/certificates): the PDF is attached, `verifyUrl` is its public check.
  certificate_issued: [...RECIPIENT, 'title', 'holderName', 'certificateNumber', 'hours', 'completedOn', 'verifyUrl'],
  // After the event (src/followUps): `materials` is the recording(s) and resources as a list Aula builds, in the reader's language.
  followup_attended: [...RECIPIENT, ...FOLLOW_UP, 'feedbackUrl'],
  followup_missed: [...RECIPIENT, ...FOLLOW_UP],
  // Sent instead of the two above when staff release an item with no attendance recorded: presumes neither.
  followup_released: [...RECIPIENT, ...FOLLOW_UP, 'feedbackUrl'],
  // Seats held for a bank transfer (src/commerce/manualPayments): what to pay, the `reference` to quote, the bank details, the deadline.
  bank_transfer_instructions: [...RECIPIENT, 'title', 'startsAt', 'timezone', 'itemUrl', ...PAYMENT, 'seats', 'reference', 'holdExpiresAt', 'bankDetails'],
  // A payment's receipt, or a credit note for a refund, to the buyer (src/commerce/receipts): the PDF is attached at send time.
  receipt_issued: [...RECIPIENT, 'title', ...PAYMENT, 'receiptNumber', 'paymentMethod'],
  credit_note_issued: [...RECIPIENT, 'title', ...PAYMENT, 'receiptNumber', 'creditedReceiptNumber', 'reason'],
  // A group booking is confirmed (src/commerce/groups): to the buyer, `attendeeList` is the list of who has a seat, built by Aula.
  group_booking_confirmed: [...RECIPIENT, 'title', 'startsAt', 'timezone', 'itemUrl', ...PAYMENT, 'seats', 'company', 'attendeeList', 'manageUrl'],
  // A group attendee whose seat went to someone else (src/commerce/bookingChanges): `reason` names who took it.
  booking_attendee_replaced: [...RECIPIENT, ...ITEM, ...PAYMENT, 'reason'],
  // The person's own data export is ready (src/privacy/export): `downloadUrl` needs their login; `expiresAt` is written in their zone.
  privacy_export_ready: [...RECIPIENT, 'downloadUrl', 'expiresAt'],
}

/** Variables whose value is HTML built by Aula itself; they are inserted as is. Every other value is escaped. */
export const RAW_VARIABLES: readonly string[] = ['leadList', 'nextStep', 'messageBody', 'scheduleChanges', 'materials', 'bankDetails', 'attendeeList']

/** Variables that carry a signed link acting for the recipient (`nextStep` embeds the pay link); only admins read them in the log. */
export const SIGNED_LINK_VARIABLES: readonly string[] = ['cancelUrl', 'payUrl', 'confirmUrl', 'nextStep', 'setPasswordUrl', 'feedbackUrl', 'manageUrl']

/** Values the admin preview renders with. */
export const SAMPLE_VARIABLES: Record<string, string> = {
  holderName: 'Ana Pérez',
  certificateNumber: 'AULA-2026-000123',
  hours: '12',
  completedOn: '12/03/2026',
  verifyUrl: 'https://aula.example.com/verify/3q2-7wEjZk1mXyTnB0aPLs9vR4cD8eFh',
  firstName: 'Ana',
  lastName: 'Pérez',
  email: 'ana.perez@example.com',
  title: 'Introducción a la analítica de datos',
  startsAt: '2026-03-12T23:00:00.000Z',
  timezone: 'America/Lima',
  meetingLink: 'https://zoom.us/j/123456789',
  seatsLeft: '12',
  cancelUrl: 'https://aula.example.com/cancelar/abc',
  itemUrl: 'https://aula.example.com/webinars/analitica',
  amount: '49.00',
  currency: 'USD',
  payUrl: 'https://aula.example.com/api/enrollments/1/pay?token=abc',
  holdExpiresAt: '2026-03-10T15:30:00.000Z',
  reason: 'Tarjeta rechazada por el banco',
  leadName: 'Jorge Salas',
  company: 'Andes Logística',
  interest: 'Curso de liderazgo',
  leadUrl: 'https://aula.example.com/admin/collections/leads/1',
  newEmail: 'ana.nueva@example.com',
  confirmUrl: 'https://aula.example.com/api/users/confirm-email-change?token=abc',
  leadList: '<ul><li>Jorge Salas — Andes Logística</li><li>María Núñez — Café del Sur</li></ul>',
  messageSubject: 'Material de la sesión de hoy',
  messageBody: '<p>Hola Ana:</p><p>Te compartimos las diapositivas de la sesión.</p>',
  setPasswordUrl: 'https://aula.example.com/admin/reset/abc',
  validDays: '7',
  sessionName: 'Tablas dinámicas',
  sessionNumber: '3',
  sessionStartsAt: '12/03/2026 18:00 (hora de Lima)',
  location: 'Av. Arequipa 1234, aula 301',
  scheduleChanges:
    '<ul><li>Sesión 3 «Tablas dinámicas»: 12/03/2026 18:00 → 14/03/2026 10:00 (hora de Lima)</li><li>Nueva sesión 6 «Repaso»: 20/03/2026 18:00 (hora de Lima)</li></ul>',
  recordingUrl: 'https://vimeo.com/123456789',
  materials:
    '<ul><li><a href="https://vimeo.com/123456789">Grabación</a></li><li><a href="https://aula.example.com/api/media/file/diapositivas.pdf">Diapositivas</a></li></ul>',
  feedbackUrl: 'https://aula.example.com/api/enrollments/1/feedback?token=abc',
  manageUrl: 'https://aula.example.com/api/bookings/1/manage?token=abc',
  seats: '1',
  reference: 'AULA-7K3F9Q',
  bankDetails: 'Banco de Crédito del Perú<br>Titular: Aula Capacitación S.A.C.<br>Cuenta: 193-1234567-0-89<br>CCI: 002-193-001234567089-12',
  receiptNumber: 'B-2026-000042',
  creditedReceiptNumber: 'B-2026-000041',
  paymentMethod: 'Tarjeta',
  attendeeList: '<ul><li>Ana Pérez &lt;ana@empresa.pe&gt;</li><li>Luis Soto &lt;luis@empresa.pe&gt;</li></ul>',
  downloadUrl: 'https://aula.example.com/api/privacy-exports/1/download',
  expiresAt: '19/03/2026 18:00 (hora de Lima)',
}

export const isEmailTemplateKey = (value: unknown): value is EmailTemplateKey =>
  typeof value === 'string' && (EMAIL_TEMPLATE_KEYS as readonly string[]).includes(value)

export const toEmailLocale = (value: unknown): EmailLocale =>
  (EMAIL_LOCALES as readonly unknown[]).includes(value) ? (value as EmailLocale) : DEFAULT_EMAIL_LOCALE
