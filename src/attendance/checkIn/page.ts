import { htmlResponse } from '../../endpoints/htmlResponse'
import { sitePageHtml } from '../../site/theme'
import { escapeHtml } from '../../utilities/escapeHtml'
import { formatWithZone } from '../../utilities/localTime'
import { CHECK_IN_CODE_DIGITS } from './code'
import type { CheckInPlace } from './target'

/**
 * The page a student's phone opens from the QR: what session this is, and one form that posts the
 * code (and, for someone not logged in here, their Aula email and password) back to the same
 * address. No script, no third party, no frames (src/endpoints/htmlResponse.ts); no secret in it
 * beyond the code the classroom already sees.
 */
const copy = {
  es: {
    title: 'Registrar asistencia',
    code: 'Código de la sesión',
    send: 'Registrar mi asistencia',
    loginHint: 'Inicia sesión con la cuenta de Aula con la que te inscribiste:',
    email: 'Correo',
    password: 'Contraseña',
    forgot: '¿Olvidaste tu contraseña? Pídele a tu instructor o a la oficina que te envíe un enlace.',
    as: (email: string) => `Registrarás la asistencia de ${email}.`,
    done: '¡Listo! Quedaste registrado como presente.',
    already: 'Ya estabas registrado como presente en esta sesión.',
    again: 'Intentar de nuevo',
  },
  en: {
    title: 'Check in',
    code: 'Session code',
    send: 'Check me in',
    loginHint: 'Log in with the Aula account you enrolled with:',
    email: 'Email',
    password: 'Password',
    forgot: 'Forgot your password? Ask your instructor or the office to send you a link.',
    as: (email: string) => `You are checking in as ${email}.`,
    done: 'Done! You are marked present.',
    already: 'You were already marked present for this session.',
    again: 'Try again',
  },
}
export type PageLanguage = keyof typeof copy

const page = (language: PageLanguage, body: string, status = 200) =>
  htmlResponse(sitePageHtml({ language, title: copy[language].title, body: `<h1>${copy[language].title}</h1>${body}` }), status)

const heading = (place: CheckInPlace, language: PageLanguage) =>
  `<p><strong>${escapeHtml(place.title)}</strong>${place.sessionName ? `<br>${escapeHtml(place.sessionName)}` : ''}<br><span class="muted">${escapeHtml(formatWithZone(place.startsAt, place.timezone, language))}</span></p>`

export function checkInForm(args: { place: CheckInPlace; language: PageLanguage; action: string; code: string; userEmail: string | null; error?: string; status?: number }) {
  const text = copy[args.language]
  const login = args.userEmail
    ? `<p class="muted">${escapeHtml(text.as(args.userEmail))}</p>`
    : `<p>${text.loginHint}</p><label for="email">${text.email}</label><input id="email" name="email" type="email" autocomplete="username" required><label for="password">${text.password}</label><input id="password" name="password" type="password" autocomplete="current-password" required><p class="muted">${text.forgot}</p>`
  return page(
    args.language,
    `${heading(args.place, args.language)}${args.error ? `<p class="error" role="alert">${escapeHtml(args.error)}</p>` : ''}
<form method="post" action="${escapeHtml(args.action)}">${login}<label for="code">${text.code}</label><input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]*" maxlength="${CHECK_IN_CODE_DIGITS + 2}" required value="${escapeHtml(args.code)}"><button type="submit">${text.send}</button></form>`,
    args.status,
  )
}

export const checkInDone = (place: CheckInPlace, language: PageLanguage, result: 'recorded' | 'unchanged') =>
  page(language, `${heading(place, language)}<p class="ok" role="status">${result === 'recorded' ? copy[language].done : copy[language].already}</p>`)

/** An error before any session could be shown (unknown address, too many attempts). */
export const checkInProblem = (language: PageLanguage, message: string, status: number) => page(language, `<p class="error" role="alert">${escapeHtml(message)}</p>`, status)
