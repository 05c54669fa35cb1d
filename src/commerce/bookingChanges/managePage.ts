import { htmlResponse } from '../../endpoints/htmlResponse'
import { sitePageHtml } from '../../site/theme'
import { escapeHtml } from '../../utilities/escapeHtml'

export type PageLanguage = 'es' | 'en'

export const copy = {
  es: {
    title: 'Asistentes de tu reserva',
    intro: 'Puedes cambiar a cualquier asistente por otra persona hasta el inicio. La persona nueva recibe su confirmación, el archivo de calendario y los recordatorios; la anterior recibe un aviso.',
    replace: 'Reemplazar por',
    email: 'Email',
    firstName: 'Nombre',
    lastName: 'Apellido',
    send: 'Reemplazar',
    ended: 'sin cupo',
    invalid: 'Este enlace no es válido.',
    done: (from: string, to: string) => `Listo: el cupo de ${from} es ahora de ${to}.`,
    back: 'Volver a la reserva',
  },
  en: {
    title: 'Your booking’s attendees',
    intro: 'You can replace any attendee with someone else until the start. The new person gets their confirmation, calendar file and reminders; the previous one is told.',
    replace: 'Replace with',
    email: 'Email',
    firstName: 'First name',
    lastName: 'Last name',
    send: 'Replace',
    ended: 'no seat',
    invalid: 'This link is not valid.',
    done: (from: string, to: string) => `Done: ${from}’s seat now belongs to ${to}.`,
    back: 'Back to the booking',
  },
} as const

export interface ManagedBooking {
  id: number
  token: string
  itemTitle: string
  startsAt: string
  attendees: { id: number; email: string; status: string }[]
  /** Whether the form is offered (before the start, booking not cancelled). */
  open: boolean
}

/** The signed link's page (no script: the CSP allows none), in the buyer's language. */
export const managePage = (lang: PageLanguage, body: string, status = 200) =>
  htmlResponse(sitePageHtml({ language: lang, title: copy[lang].title, body }), status)

const HOLDS_SEAT = new Set(['confirmed', 'pending_payment'])

/** Every attendee with a seat, each with a small replace form; every value from the database is escaped. */
export function attendeeList(lang: PageLanguage, booking: ManagedBooking, notice?: { kind: 'error' | 'done'; text: string }): string {
  const text = copy[lang]
  const action = `/api/bookings/${booking.id}/manage`
  const rows = booking.attendees
    .map((attendee) => {
      if (!HOLDS_SEAT.has(attendee.status)) return `<li><s>${escapeHtml(attendee.email)}</s> (${text.ended})</li>`
      const form = booking.open
        ? `<form method="post" action="${action}"><input type="hidden" name="token" value="${escapeHtml(booking.token)}"><input type="hidden" name="enrollmentId" value="${attendee.id}">` +
          `${text.replace}: <input name="email" type="email" required maxlength="254" placeholder="${text.email}" aria-label="${text.email}">` +
          `<input name="firstName" required maxlength="100" placeholder="${text.firstName}" aria-label="${text.firstName}">` +
          `<input name="lastName" required maxlength="100" placeholder="${text.lastName}" aria-label="${text.lastName}">` +
          `<button type="submit">${text.send}</button></form>`
        : ''
      return `<li><strong>${escapeHtml(attendee.email)}</strong>${form}</li>`
    })
    .join('')
  const said = notice ? `<p class="${notice.kind}">${escapeHtml(notice.text)}</p>` : ''
  return `<h1>${escapeHtml(text.title)}</h1><p><strong>${escapeHtml(booking.itemTitle)}</strong> · ${escapeHtml(booking.startsAt)}</p>${said}<p>${escapeHtml(text.intro)}</p><ol>${rows}</ol>`
}

export const invalidLinkPage = () => managePage('es', `<p>${copy.es.invalid}</p><p lang="en">${copy.en.invalid}</p>`, 404)
