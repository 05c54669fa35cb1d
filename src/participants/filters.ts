import { ValidationError } from 'payload'

import { say, type KnowsLanguage } from '../i18n/say'
import { ENROLLMENT_STATUSES, PAYMENT_STATUSES, type EnrollmentStatus, type PaymentStatus } from '../enrollment/statuses'

/** Which part of an item's list the page shows, the CSV holds and a message goes to: the same filter for all three. */
export interface ParticipantFilters {
  status?: EnrollmentStatus[]
  paymentStatus?: PaymentStatus[]
  attended?: boolean
  /** Part of a name, email or company, accents and case ignored. */
  q?: string
  /** A course session's id: each row also shows that session's attendance (src/attendance). */
  session?: string
}

const SESSION_ID = /^[A-Za-z0-9_-]{1,64}$/

type FieldError = { path: string; message: string }

/** `confirmed,waitlisted` (a query string) or `['confirmed', 'waitlisted']` (a JSON body). */
function listOf<T extends string>(raw: unknown, allowed: readonly T[], path: string, errors: FieldError[], lang: KnowsLanguage): T[] | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined
  const values = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : null
  if (!values || values.some((value) => typeof value !== 'string' || !allowed.includes(value.trim() as T))) {
    errors.push({ path, message: say(lang, { es: `${path} debe ser una lista de: ${allowed.join(', ')}.`, en: `${path} must be a list of: ${allowed.join(', ')}.` }) })
    return undefined
  }
  const picked = [...new Set(values.map((value) => (value as string).trim() as T))]
  return picked.length ? picked : undefined
}

/**
 * Reads the filters from a query string or a JSON object (`prefix` names the field in errors, e.g.
 * `audience.status`). Anything wrong is one 400 naming each field; unknown keys are ignored.
 */
export function parseFilters(raw: Record<string, unknown> | undefined, lang: KnowsLanguage, prefix = ''): ParticipantFilters {
  const source = raw ?? {}
  const errors: FieldError[] = []
  const path = (name: string) => `${prefix}${name}`
  const filters: ParticipantFilters = {
    status: listOf(source.status, ENROLLMENT_STATUSES, path('status'), errors, lang),
    paymentStatus: listOf(source.paymentStatus, PAYMENT_STATUSES, path('paymentStatus'), errors, lang),
  }
  const attended = source.attended
  if (attended === true || attended === 'true') filters.attended = true
  else if (attended === false || attended === 'false') filters.attended = false
  else if (attended !== undefined && attended !== null && attended !== '') errors.push({ path: path('attended'), message: say(lang, { es: `${path('attended')} debe ser true o false.`, en: `${path('attended')} must be true or false.` }) })
  const q = source.q
  if (typeof q === 'string') {
    if (q.length > 200) errors.push({ path: path('q'), message: say(lang, { es: `${path('q')} admite como máximo 200 caracteres.`, en: `${path('q')} must be at most 200 characters.` }) })
    else if (q.trim()) filters.q = q.trim()
  } else if (q !== undefined && q !== null) errors.push({ path: path('q'), message: say(lang, { es: `${path('q')} debe ser un texto.`, en: `${path('q')} must be a string.` }) })
  const session = source.session
  if (typeof session === 'string' && SESSION_ID.test(session)) filters.session = session
  else if (session !== undefined && session !== null && session !== '') errors.push({ path: path('session'), message: say(lang, { es: `${path('session')} debe ser el id de una sesión.`, en: `${path('session')} must be a session id.` }) })
  if (errors.length) throw new ValidationError({ errors })
  return filters
}
