import { calendarInviteAttachment, enrollmentInviteUid } from '../../email/calendarInvite'
import type { EmailAttachment } from '../../email/queueEmail'
import type { EnrollmentMessage } from './enrollmentMessage'

/** The .ics that puts the session in the person's calendar (REQUEST) or takes it out (CANCEL). */
export function inviteFor(message: EnrollmentMessage, method: 'REQUEST' | 'CANCEL', organizerEmail: string): EmailAttachment[] {
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
      organizer: { email: organizerEmail, name: 'Aula' },
    }),
  ]
}
