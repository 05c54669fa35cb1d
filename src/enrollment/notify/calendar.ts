import { type CalendarEventInput, calendarAttachment, calendarInviteAttachment, enrollmentInviteUid, sessionInviteUid } from '../../email/calendarInvite'
import type { EmailAttachment } from '../../email/queueEmail'
import { toEmailLocale } from '../../email/templateVariables'
import { type CourseSession, isOnline } from '../../courses/sessions'
import type { EnrollmentMessage } from './enrollmentMessage'

/** The calendar title of one session: "Excel avanzado · Sesión 3: Tablas dinámicas". */
export function sessionTitle(courseTitle: string, session: Pick<CourseSession, 'number' | 'name'>, language?: string | null): string {
  const word = toEmailLocale(language) === 'en' ? 'Session' : 'Sesión'
  return `${courseTitle} · ${word} ${session.number}${session.name ? `: ${session.name}` : ''}`
}

/** What a calendar entry needs of a session (a removed one is known only from the course's snapshot). */
export type CalendarSession = Pick<CourseSession, 'id' | 'number' | 'name' | 'startsAt' | 'durationMinutes' | 'modality' | 'location' | 'meetingLink'>

/** One calendar entry per session: where it happens (the room, or the link when online) and the link for joining. */
export function sessionEvent(message: EnrollmentMessage, session: CalendarSession, sequence: number): CalendarEventInput {
  const link = isOnline(session) ? (session.meetingLink ?? undefined) : undefined
  const description = [message.summary, link].filter(Boolean).join('\n\n')
  return {
    uid: sessionInviteUid(message.enrollmentId, session.id),
    sequence,
    title: sessionTitle(message.title, session, message.to.language),
    description: description || undefined,
    startsAt: session.startsAt,
    durationMinutes: session.durationMinutes,
    url: link,
    location: (session.modality !== 'online' ? session.location : null) ?? link ?? session.location ?? undefined,
  }
}

/**
 * The .ics that puts an enrollment in the person's calendar (REQUEST) or takes it out (CANCEL).
 * A webinar is one entry; a course is one file with one entry per session (each with its own UID,
 * so a later change replaces or cancels exactly that session).
 */
export function inviteFor(message: EnrollmentMessage, method: 'REQUEST' | 'CANCEL', organizerEmail: string): EmailAttachment[] {
  const organizer = { email: organizerEmail, name: 'Aula' }
  if (message.collection === 'courses' && message.sessions.length) {
    const events = message.sessions.map((session) => sessionEvent(message, session, message.scheduleSequence))
    return [calendarAttachment({ method, timezone: message.timezone, organizer, events })]
  }
  if (!message.startsAt) return []
  return [
    calendarInviteAttachment({
      uid: enrollmentInviteUid(message.enrollmentId),
      sequence: message.scheduleSequence,
      method,
      title: message.title,
      description: message.summary,
      startsAt: message.startsAt,
      durationMinutes: message.durationMinutes,
      timezone: message.timezone,
      url: message.meetingLink ?? undefined,
      organizer,
    }),
  ]
}
