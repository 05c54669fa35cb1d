import { htmlResponse } from '../../endpoints/htmlResponse'
import { sitePageHtml } from '../../site/theme'
import { escapeHtml } from '../../utilities/escapeHtml'
import { formatLocalDate } from '../../utilities/localTime'
import type { VerifyPageLanguage } from './pageLanguage'
import type { CertificateVerification } from './publicSummary'

const copy = {
  es: {
    title: 'Verificación de certificado',
    valid: 'Certificado válido',
    validNote: 'Este certificado fue emitido por nosotros y sigue vigente.',
    revoked: 'Certificado revocado',
    revokedOn: (date: string) => `Revocado el ${date}.`,
    reason: 'Motivo',
    holder: 'Nombre',
    course: 'Curso',
    webinar: 'Webinar',
    hours: 'Horas',
    completedOn: 'Completado el',
    issuedOn: 'Emitido el',
    number: 'Número',
    version: 'Versión',
    credential: 'Credencial Open Badges 3.0 firmada (JWT)',
    data: 'Estos datos en JSON',
    keys: 'Claves públicas para verificar la firma (JWKS)',
    notFound: 'No encontramos ningún certificado con este código. Revisa que la dirección esté completa.',
    tooMany: (minutes: number) => `Demasiadas consultas desde tu conexión. Vuelve a intentarlo en ${minutes} min.`,
    other: { code: 'en', label: 'English' },
  },
  en: {
    title: 'Certificate verification',
    valid: 'Valid certificate',
    validNote: 'We issued this certificate and it is still in force.',
    revoked: 'Revoked certificate',
    revokedOn: (date: string) => `Revoked on ${date}.`,
    reason: 'Reason',
    holder: 'Name',
    course: 'Course',
    webinar: 'Webinar',
    hours: 'Hours',
    completedOn: 'Completed on',
    issuedOn: 'Issued on',
    number: 'Number',
    version: 'Version',
    credential: 'Signed Open Badges 3.0 credential (JWT)',
    data: 'This data as JSON',
    keys: 'Public keys to verify the signature (JWKS)',
    notFound: 'We found no certificate with this code. Check that the address is complete.',
    tooMany: (minutes: number) => `Too many checks from your connection. Try again in ${minutes} min.`,
    other: { code: 'es', label: 'Español' },
  },
} as const

/** `YYYY-MM-DD` as the business writes dates (`dd/MM/yyyy`), without passing through a time zone. */
const calendarDate = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? value.split('-').reverse().join('/') : value)

const page = (language: VerifyPageLanguage, body: string, status: number, switchTo?: string) =>
  htmlResponse(sitePageHtml({ language, title: copy[language].title, body: `<h1>${copy[language].title}</h1>${body}`, switchHref: switchTo }), status)

/**
 * The result as HTML, shared by the QR code's page below and the site's search page
 * (src/app/(site)/[lang]/verify): one wording and one look for both. Every value is escaped: the
 * name and title were typed by people.
 */
export function verificationResultHtml(summary: CertificateVerification, language: VerifyPageLanguage, options: { timeZone: string; apiUrl: string }): string {
  const text = copy[language]
  const row = (label: string, value: string | number) => `<dt>${label}</dt><dd>${escapeHtml(String(value))}</dd>`
  const status = summary.revocation
    ? `<p class="badge revoked" role="status">${text.revoked}</p><p>${summary.revocation.revokedAt ? escapeHtml(text.revokedOn(formatLocalDate(summary.revocation.revokedAt, options.timeZone))) : ''}${summary.revocation.reason ? ` ${text.reason}: ${escapeHtml(summary.revocation.reason)}` : ''}</p>`
    : `<p class="badge valid" role="status">${text.valid}</p><p class="muted">${text.validNote}</p>`
  const facts = `<dl>${[
    row(text.holder, summary.holderName),
    row(summary.item.type === 'course' ? text.course : text.webinar, summary.item.title),
    row(text.hours, summary.hours.toLocaleString(language)),
    row(text.completedOn, calendarDate(summary.completedOn)),
    row(text.issuedOn, calendarDate(summary.issuedOn)),
    row(text.number, summary.number),
    row(text.version, summary.version),
  ].join('')}</dl>`
  const links = [
    summary.links.credential ? `<li><a href="${escapeHtml(summary.links.credential)}">${text.credential}</a></li>` : '',
    `<li><a href="${escapeHtml(options.apiUrl)}">${text.data}</a></li>`,
    `<li><a href="${escapeHtml(summary.links.jwks)}">${text.keys}</a></li>`,
  ].join('')
  return `${status}${facts}<ul class="muted">${links}</ul>`
}

export const verificationNotFoundHtml = (language: VerifyPageLanguage) => `<p role="alert">${copy[language].notFound}</p>`

export const verificationTooManyHtml = (language: VerifyPageLanguage, seconds: number) => `<p role="alert">${copy[language].tooMany(Math.ceil(seconds / 60))}</p>`

/**
 * The page the certificate's QR code opens: the same facts as the JSON answer, in the visitor's
 * language, in the public site's look, with nothing else (no script, no third party:
 * src/endpoints/htmlResponse.ts).
 */
export const verificationPage = (summary: CertificateVerification, language: VerifyPageLanguage, options: { timeZone: string; apiUrl: string; switchTo: string }) =>
  page(language, verificationResultHtml(summary, language, options), 200, options.switchTo)

export const verificationNotFoundPage = (language: VerifyPageLanguage) => page(language, verificationNotFoundHtml(language), 404)

export function verificationTooManyPage(language: VerifyPageLanguage, seconds: number) {
  const response = page(language, verificationTooManyHtml(language, seconds), 429)
  response.headers.set('Retry-After', String(seconds))
  return response
}
