import type { PayloadRequest } from 'payload'

import { registerEmailGuard } from '../../email/guards'
import { getClock } from '../../utilities/clock'
import { REMINDER_KEYS } from './reminders'
import { registerSessionReminderGuards } from './sessionReminderGuard'

/**
 * At send time a reminder must still make sense: the person still holds a confirmed seat, the
 * webinar is neither cancelled nor moved (the dedupe key names the start it was planned for), and
 * it has not started — a reminder due while the worker was down goes out late only if the webinar
 * is still ahead. The meeting link is read fresh, so a link changed yesterday is the one sent.
 */
export function registerReminderGuards(): void {
  // Course sessions have reminders of their own, with guards that check the session (sessionReminderGuard.ts).
  registerSessionReminderGuards()
  for (const templateKey of REMINDER_KEYS) {
    registerEmailGuard(templateKey, async ({ log, req }) => {
      const related = log.relatedDocument as { relationTo?: string; value?: number | { id: number } } | null | undefined
      const enrollmentId = typeof related?.value === 'object' ? related.value.id : related?.value
      // Only reminders about an enrollment are this module's business.
      if (related?.relationTo !== 'enrollments' || !enrollmentId) return { send: true }
      return verdictFor(req, Number(enrollmentId), String(log.dedupeKey))
    })
  }
}

async function verdictFor(req: PayloadRequest, enrollmentId: number, dedupeKey: string) {
  const common = { depth: 0, overrideAccess: true, req, disableErrors: true } as const
  const enrollment = await req.payload.findByID({ collection: 'enrollments', id: enrollmentId, ...common })
  if (!enrollment || enrollment.status !== 'confirmed') return { send: false, reason: 'the enrollment is no longer confirmed' }
  const ref = enrollment.item as { relationTo: string; value: number | { id: number } }
  const webinarId = typeof ref.value === 'object' ? ref.value.id : ref.value
  const webinar = await req.payload.findByID({ collection: 'webinars', id: webinarId, ...common })
  if (!webinar || webinar.status === 'cancelled') return { send: false, reason: 'the webinar was cancelled' }
  const startsAt = new Date(String(webinar.startsAt))
  if (!dedupeKey.endsWith(`:${startsAt.toISOString()}`)) return { send: false, reason: 'the webinar was rescheduled' }
  if (getClock(req.payload).now() >= startsAt) return { send: false, reason: 'the webinar has already started' }
  return { send: true, variables: { meetingLink: webinar.meetingLink ?? '', title: webinar.title } }
}
