import type { PayloadRequest } from 'payload'

import type { EnrollmentMessage } from '../../enrollment/notify/enrollmentMessage'
import { formatWithZone } from '../../utilities/localTime'
import { notify } from '../notify'
import { personOf, quoted } from './links'

/** A confirmed attendee of a rescheduled webinar, beside the email with the new invite; once per new start. */
export async function notifyWebinarRescheduled(req: PayloadRequest, enrollment: { user?: unknown; status?: unknown }, message: EnrollmentMessage): Promise<void> {
  if (!message.startsAt) return
  await notify(req, {
    kind: 'schedule_changed',
    to: personOf(enrollment.user),
    title: { es: `Nuevo horario para ${quoted(message.title)}`, en: `New time for ${quoted(message.title)}` },
    body: {
      es: `Ahora empieza el ${formatWithZone(message.startsAt, message.timezone, 'es')}. Te enviamos la invitación actualizada por correo.`,
      en: `It now starts on ${formatWithZone(message.startsAt, message.timezone, 'en')}. The updated invite is in your email.`,
    },
    link: String(message.variables.itemUrl),
    document: { collection: 'enrollments', id: message.enrollmentId },
    dedupeKey: `schedule_changed:${message.enrollmentId}:${message.startsAt.toISOString()}`,
  })
}

/** A confirmed student of a course whose sessions changed (the delayed notice job), once per notice (the course's new SEQUENCE). */
export async function notifyCourseScheduleChanged(req: PayloadRequest, enrollment: { user?: unknown; status?: unknown }, message: EnrollmentMessage, notice: { sequence: number; changes: number }): Promise<void> {
  const count = notice.changes === 1 ? { es: 'Una sesión cambió', en: 'One session changed' } : { es: `${notice.changes} sesiones cambiaron`, en: `${notice.changes} sessions changed` }
  await notify(req, {
    kind: 'schedule_changed',
    to: personOf(enrollment.user),
    title: { es: `Cambió el calendario de ${quoted(message.title)}`, en: `The schedule of ${quoted(message.title)} changed` },
    body: {
      es: `${count.es}. Te enviamos el detalle y el calendario actualizado por correo.`,
      en: `${count.en}. The details and the updated calendar are in your email.`,
    },
    link: String(message.variables.itemUrl),
    document: { collection: 'enrollments', id: message.enrollmentId },
    dedupeKey: `schedule_changed:${message.enrollmentId}:sequence-${notice.sequence}`,
  })
}
