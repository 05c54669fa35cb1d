import { htmlResponse } from '../../endpoints/htmlResponse'
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

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}.badge{padding:.8rem 1rem;border-radius:.4rem;font-weight:600;font-size:1.2rem}.valid{background:#e6f4ea;color:#0b5d1e}.revoked{background:#fde7e7;color:#8a1010}dl{display:grid;grid-template-columns:auto 1fr;gap:.4rem 1rem}dt{color:#555}dd{margin:0;font-weight:500}.muted{color:#555;font-size:.9rem}nav{text-align:right;font-size:.9rem}'

/** `YYYY-MM-DD` as the business writes dates (`dd/MM/yyyy`), without passing through a time zone. */
const calendarDate = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? value.split('-').reverse().join('/') : value)

const page = (language: VerifyPageLanguage, body: string, status: number, switchTo?: string) => {
  const text = copy[language]
  const nav = switchTo ? `<nav><a href="${escapeHtml(switchTo)}" hreflang="${text.other.code}" lang="${text.other.code}">${text.other.label}</a></nav>` : ''
  return htmlResponse(
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${text.title}</title><style>${STYLE}</style></head><body>${nav}<h1>${text.title}</h1>${body}</body></html>`,
    status,
  )
}

/**
 * The page the certificate's QR code opens: the same facts as the JSON answer, in the visitor's
 * language, with nothing else (no script, no third party: src/endpoints/htmlResponse.ts). Every
 * value is escaped: the name and title were typed by people.
 */
export function verificationPage(summary: CertificateVerification, language: VerifyPageLanguage, options: { timeZone: string; apiUrl: string; switchTo: string }) {
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
  return page(language, `${status}${facts}<ul class="muted">${links}</ul>`, 200, options.switchTo)
}

export const verificationNotFoundPage = (language: VerifyPageLanguage) => page(language, `<p role="alert">${copy[language].notFound}</p>`, 404)

export function verificationTooManyPage(language: VerifyPageLanguage, seconds: number) {
  const response = page(language, `<p role="alert">${copy[language].tooMany(Math.ceil(seconds / 60))}</p>`, 429)
  response.headers.set('Retry-After', String(seconds))
  return response
}
