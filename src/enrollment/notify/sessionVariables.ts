import { type CourseSession, isOnline } from '../../courses/sessions'
import { toEmailLocale } from '../../email/templateVariables'
import { formatWithZone } from '../../utilities/localTime'

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
