/** What a webhook may subscribe to (docs/webhooks.md "Events"). The names are part of the API: receivers switch on them. */
export const WEBHOOK_EVENTS = [
  'webinar.published',
  'webinar.updated',
  'webinar.cancelled',
  'course.published',
  'course.updated',
  'course.cancelled',
  'enrollment.created',
  'enrollment.cancelled',
  'payment.succeeded',
  'certificate.issued',
  'lead.created',
] as const

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number]

export type WebhookEventCollection = 'webinars' | 'courses' | 'enrollments' | 'payments' | 'certificates' | 'leads'

export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, { es: string; en: string }> = {
  'webinar.published': { es: 'Webinar publicado', en: 'Webinar published' },
  'webinar.updated': { es: 'Webinar modificado', en: 'Webinar updated' },
  'webinar.cancelled': { es: 'Webinar cancelado', en: 'Webinar cancelled' },
  'course.published': { es: 'Curso publicado', en: 'Course published' },
  'course.updated': { es: 'Curso modificado', en: 'Course updated' },
  'course.cancelled': { es: 'Curso cancelado', en: 'Course cancelled' },
  'enrollment.created': { es: 'Inscripción creada', en: 'Enrollment created' },
  'enrollment.cancelled': { es: 'Inscripción cancelada', en: 'Enrollment cancelled' },
  'payment.succeeded': { es: 'Pago cobrado', en: 'Payment succeeded' },
  'certificate.issued': { es: 'Certificado emitido', en: 'Certificate issued' },
  'lead.created': { es: 'Prospecto recibido', en: 'Lead received' },
}

/** The collection whose document an event's snapshot is made from. */
export const WEBHOOK_EVENT_COLLECTION: Record<WebhookEvent, WebhookEventCollection> = {
  'webinar.published': 'webinars',
  'webinar.updated': 'webinars',
  'webinar.cancelled': 'webinars',
  'course.published': 'courses',
  'course.updated': 'courses',
  'course.cancelled': 'courses',
  'enrollment.created': 'enrollments',
  'enrollment.cancelled': 'enrollments',
  'payment.succeeded': 'payments',
  'certificate.issued': 'certificates',
  'lead.created': 'leads',
}
