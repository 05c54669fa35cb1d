import type { PayloadRequest } from 'payload'

import { findSession, isOnline } from '../../courses/sessions'
import { registerEmailGuard } from '../../email/guards'
import { getClock } from '../../utilities/clock'
import { parseSessionReminderKey, SESSION_ACCESS_KEY, SESSION_REMINDER_KEYS, sessionVariables } from './sessionReminders'

/**
 * At send time a session reminder must still make sense: the student still holds a confirmed seat,
 * the course is not cancelled (nor deleted), the session still exists at the start the reminder was
 * planned for (its dedupe key names it), and it has not started. The access email also needs the
 * session to still be online. Everything it says (link, place, name, number) is read fresh.
 */
export function registerSessionReminderGuards(): void {
  for (const templateKey of SESSION_REMINDER_KEYS) {
    registerEmailGuard(templateKey, async ({ log, req }) => {
      const planned = parseSessionReminderKey(String(log.dedupeKey))
      if (!planned) return { send: true }
      return verdictFor(req, planned, templateKey, log.locale)
    })
  }
}

async function verdictFor(req: PayloadRequest, planned: NonNullable<ReturnType<typeof parseSessionReminderKey>>, templateKey: string, locale: unknown) {
  const common = { depth: 0, overrideAccess: true, req, disableErrors: true } as const
  const enrollment = await req.payload.findByID({ collection: 'enrollments', id: planned.enrollmentId, ...common })
  if (!enrollment || enrollment.status !== 'confirmed') return { send: false, reason: 'the enrollment is no longer confirmed' }
  const ref = enrollment.item as { relationTo: string; value: number | { id: number } }
  if (ref?.relationTo !== 'courses') return { send: false, reason: 'the enrollment is not for a course' }
  const courseId = typeof ref.value === 'object' ? ref.value.id : ref.value
  const course = await req.payload.findByID({ collection: 'courses', id: courseId, ...common })
  if (!course || course.status === 'cancelled') return { send: false, reason: 'the course was cancelled' }
  const session = findSession(course, planned.sessionId)
  if (!session) return { send: false, reason: 'the session was removed' }
  if (session.startsAt.toISOString() !== planned.startsAt) return { send: false, reason: 'the session was rescheduled' }
  if (getClock(req.payload).now() >= session.startsAt) return { send: false, reason: 'the session has already started' }
  if (templateKey === SESSION_ACCESS_KEY && !isOnline(session)) return { send: false, reason: 'the session is no longer online' }
  const timezone = String(course.timezone || 'America/Lima')
  return { send: true, variables: { title: course.title, timezone, ...sessionVariables(session, timezone, locale) } }
}
