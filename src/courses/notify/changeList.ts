import type { EmailLocale } from '../../email/templateVariables'
import { escapeHtml } from '../../utilities/escapeHtml'
import { formatWithZone } from '../../utilities/localTime'
import type { NotifiedSession, ScheduleChange } from './scheduleSnapshot'

const WORDS = {
  es: { session: 'Sesión', added: 'Nueva', removed: 'Se cancela la', moved: 'cambia de', to: 'a', online: 'en línea', place: 'nuevo lugar', link: 'nuevo enlace' },
  en: { session: 'Session', added: 'New', removed: 'Cancelled:', moved: 'moves from', to: 'to', online: 'online', place: 'new place', link: 'new link' },
} as const

const label = (session: NotifiedSession, locale: EmailLocale) =>
  `${WORDS[locale].session.toLowerCase()} ${session.number}${session.name ? ` «${session.name}»` : ''}`
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

function line(change: ScheduleChange, timezone: string, locale: EmailLocale): string {
  const words = WORDS[locale]
  const when = (session: NotifiedSession) => formatWithZone(session.startsAt, timezone, locale)
  switch (change.kind) {
    case 'added':
      return `${words.added} ${label(change.session, locale)}: ${when(change.session)}`
    case 'removed':
      return `${words.removed} ${label(change.session, locale)} (${when(change.session)})`
    case 'moved':
      return `${capital(label(change.session, locale))} ${words.moved} ${when(change.before)} ${words.to} ${when(change.session)}`
    case 'place': {
      const parts: string[] = []
      if (change.before.location !== change.session.location || change.before.modality !== change.session.modality)
        parts.push(`${words.place}: ${change.session.location ?? words.online}`)
      if (change.before.meetingLink !== change.session.meetingLink && change.session.meetingLink) parts.push(`${words.link}: ${change.session.meetingLink}`)
      return `${capital(label(change.session, locale))} (${when(change.session)}): ${parts.join('; ') || words.place}`
    }
  }
}

/** The `scheduleChanges` variable: an HTML list, one line per change, times in the course's zone (values escaped here, the variable is inserted raw). */
export const changeListHtml = (changes: ScheduleChange[], timezone: string, locale: EmailLocale): string =>
  `<ul>${changes.map((change) => `<li>${escapeHtml(line(change, timezone, locale))}</li>`).join('')}</ul>`
