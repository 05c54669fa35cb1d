import { sql } from '@payloadcms/db-postgres/drizzle'
import type { PayloadRequest } from 'payload'

import { type CourseSession, isOnline } from '../../courses/sessions'
import { cancelQueuedEmails } from '../../email/cancelQueuedEmails'
import { drizzleFor, rowsOf } from '../../email/database'
import { queueEmail, queueSendJob } from '../../email/queueEmail'
import { type EmailTemplateKey, toEmailLocale } from '../../email/templateVariables'
import { getClock } from '../../utilities/clock'
import { formatWithZone } from '../../utilities/localTime'
import type { EnrollmentMessage } from './enrollmentMessage'

const MINUTE = 60_000

/** Before each course session: 24 h and 1 h reminders to everyone, and the link 15 minutes before to online and hybrid sessions. */
export const SESSION_REMINDERS: { templateKey: EmailTemplateKey; before: number; onlineOnly?: boolean }[] = [
  { templateKey: 'course_session_reminder_24h', before: 24 * 60 * MINUTE },
  { templateKey: 'course_session_reminder_1h', before: 60 * MINUTE },
  { templateKey: 'course_session_access_15m', before: 15 * MINUTE, onlineOnly: true },
]
export const SESSION_REMINDER_KEYS = SESSION_REMINDERS.map((reminder) => reminder.templateKey)
export const SESSION_ACCESS_KEY: EmailTemplateKey = 'course_session_access_15m'
/**
 * Reminders are queued only for sessions starting within this window; the planner job
 * (src/courses/notify/planUpcomingReminders.ts, every 15 minutes) queues the rest as their sessions
 * come into it. 48 h covers the 24 h reminder with a day to spare (docs/decisions/0011).
 */
export const SESSION_REMINDER_HORIZON_MS = 48 * 60 * MINUTE

/** Names the enrollment, the session and the start it was planned for: a moved session gets fresh reminders, the old ones fail their guard. */
export const sessionReminderDedupeKey = (templateKey: string, enrollmentId: number, sessionId: string, startsAt: Date) =>
  `${templateKey}:${enrollmentId}:${sessionId}:${startsAt.toISOString()}`

/** Reads a dedupe key back: `{ enrollmentId, sessionId, startsAt }`, or null for one that is not a session reminder's. */
export function parseSessionReminderKey(dedupeKey: string): { enrollmentId: number; sessionId: string; startsAt: string } | null {
  const match = /^course_session_[a-z0-9_]+:(\d+):([^:]+):(.+)$/.exec(dedupeKey)
  return match ? { enrollmentId: Number(match[1]), sessionId: match[2], startsAt: match[3] } : null
}

/** What a session email says about the session, in the reader's language; the start in the course's zone, naming it. */
export function sessionVariables(session: CourseSession, timezone: string, language: unknown): Record<string, string> {
  const locale = toEmailLocale(language)
  return {
    sessionName: session.name || (locale === 'en' ? `Session ${session.number}` : `Sesión ${session.number}`),
    sessionNumber: String(session.number),
    sessionStartsAt: formatWithZone(session.startsAt, timezone, locale),
    location: session.location ?? (isOnline(session) ? (locale === 'en' ? 'online' : 'en línea') : ''),
    meetingLink: isOnline(session) ? (session.meetingLink ?? '') : '',
  }
}

/**
 * Queues the reminders still ahead of each session starting within the horizon and returns the
 * dedupe keys it wants (safe to call again: queued keys are left as they are). Sessions already
 * started get nothing (a student joining mid-course hears only about what is to come); a reminder
 * whose time has passed is skipped, except the access email, which goes out at once while the
 * session has not started. A wanted reminder cancelled earlier (the session moved away and back,
 * the enrollment cancelled and reinstated) is queued again.
 */
export async function planSessionReminders(req: PayloadRequest, message: EnrollmentMessage): Promise<string[]> {
  const now = getClock(req.payload).now()
  const wanted: string[] = []
  const horizon = now.getTime() + SESSION_REMINDER_HORIZON_MS
  for (const session of message.sessions) {
    if (now >= session.startsAt || session.startsAt.getTime() > horizon) continue
    for (const { templateKey, before, onlineOnly } of SESSION_REMINDERS) {
      if (onlineOnly && !isOnline(session)) continue
      const at = new Date(session.startsAt.getTime() - before)
      if (at <= now && templateKey !== SESSION_ACCESS_KEY) continue
      const dedupeKey = sessionReminderDedupeKey(templateKey, message.enrollmentId, session.id, session.startsAt)
      wanted.push(dedupeKey)
      const result = await queueEmail(req, {
        templateKey,
        to: message.to,
        dedupeKey,
        relatedDocument: { relationTo: 'enrollments', value: message.enrollmentId },
        variables: { ...message.variables, ...sessionVariables(session, message.timezone, message.to.language) },
        scheduledFor: at > now ? at : undefined,
      })
      if (!result.queued) await requeueIfCancelled(req, result.emailLogId)
    }
  }
  return wanted
}

/** A cancelled reminder that is wanted again goes back to the queue (its row keeps its dedupe key, so a new one cannot be added). */
async function requeueIfCancelled(req: PayloadRequest, emailLogId: number): Promise<void> {
  const db = await drizzleFor(req)
  const revived = rowsOf<{ id: number; scheduled_for: string | null }>(
    await db.execute(sql`
      UPDATE email_log SET status = 'queued', attempts = 0, last_error = NULL, claimed_at = NULL, updated_at = ${getClock(req.payload).now()}
       WHERE id = ${emailLogId} AND status = 'cancelled'
      RETURNING id, scheduled_for`),
  )
  if (revived[0]) await queueSendJob(req, emailLogId, revived[0].scheduled_for ? new Date(revived[0].scheduled_for) : undefined)
}

/** After a schedule change: the reminders of the current sessions are planned, every other pending one of this enrollment is dropped (a session beyond the horizon is planned again by the planner job). */
export async function replanSessionReminders(req: PayloadRequest, message: EnrollmentMessage): Promise<void> {
  const wanted = await planSessionReminders(req, message)
  await cancelQueuedEmails(
    req,
    {
      and: [
        { 'relatedDocument.value': { equals: message.enrollmentId } },
        { 'relatedDocument.relationTo': { equals: 'enrollments' } },
        { templateKey: { in: SESSION_REMINDER_KEYS } },
        ...(wanted.length ? [{ dedupeKey: { not_in: wanted } }] : []),
      ],
    },
    'the course schedule changed',
  )
}
