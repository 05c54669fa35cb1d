import { adminLanguage, type AdminLanguage } from '../../i18n/say'

/** Every word the notification bell shows, in the admin's two languages. */
const labels = {
  es: {
    bell: (unread: number) => (unread === 0 ? 'Notificaciones' : unread === 1 ? 'Notificaciones: 1 sin leer' : `Notificaciones: ${unread} sin leer`),
    heading: 'Notificaciones',
    markAllRead: 'Marcar todo como leído',
    empty: 'No tienes notificaciones.',
    loading: 'Cargando…',
    failed: 'No se pudieron cargar las notificaciones.',
    unread: 'Sin leer',
    justNow: 'hace un momento',
    muteLink: 'Elegir qué avisos recibo (mi cuenta)',
  },
  en: {
    bell: (unread: number) => (unread === 0 ? 'Notifications' : `Notifications: ${unread} unread`),
    heading: 'Notifications',
    markAllRead: 'Mark all as read',
    empty: 'You have no notifications.',
    loading: 'Loading…',
    failed: 'The notifications could not be loaded.',
    unread: 'Unread',
    justNow: 'just now',
    muteLink: 'Choose which notices I get (my account)',
  },
}

export type BellLabels = (typeof labels)['es']

export const bellLabelsFor = (language: string | undefined): BellLabels => labels[adminLanguage(language)]

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
]

/** "hace 5 minutos" / "5 minutes ago": how long ago, in the person's language (not the browser's). */
export function timeAgo(value: string | Date, now: Date, language: AdminLanguage): string {
  const seconds = Math.round((now.getTime() - new Date(value).getTime()) / 1000)
  if (Number.isNaN(seconds)) return ''
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' })
  for (const [unit, size] of UNITS) if (Math.abs(seconds) >= size) return format.format(-Math.trunc(seconds / size), unit)
  return labels[language].justNow
}
