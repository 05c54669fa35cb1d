import { ValidationError } from 'payload'

import { say, type KnowsLanguage } from '../i18n/say'
import { ATTENDANCE_SOURCES, MAX_MARKS, MAX_MINUTES, type AttendanceMark, type AttendanceSource } from './types'

export type FieldError = { path: string; message: string }

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export const isEnrollmentId = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 1

/** `undefined` (keep), `null` (clear) or a whole number of minutes from 0 to a day. */
export const isMinutes = (value: unknown) => value === undefined || value === null || (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_MINUTES)

export function minutesMessage(lang: KnowsLanguage) {
  return say(lang, { es: `minutesAttended debe ser un número de 0 a ${MAX_MINUTES}.`, en: `minutesAttended must be a number from 0 to ${MAX_MINUTES}.` })
}

export function checkSource(source: unknown, lang: KnowsLanguage, errors: FieldError[], allowed: readonly string[] = ATTENDANCE_SOURCES): source is AttendanceSource {
  if (typeof source === 'string' && allowed.includes(source)) return true
  errors.push({ path: 'source', message: say(lang, { es: `source debe ser uno de: ${allowed.join(', ')}.`, en: `source must be one of: ${allowed.join(', ')}.` }) })
  return false
}

/** The shape of every mark, or a 400 naming each bad one (`marks.3.present`). Duplicates are the service's to find. */
export function parseMarks(raw: unknown, lang: KnowsLanguage): AttendanceMark[] {
  const errors: FieldError[] = []
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_MARKS) {
    throw new ValidationError({ errors: [{ path: 'marks', message: say(lang, { es: `marks debe ser una lista de 1 a ${MAX_MARKS} marcas.`, en: `marks must be a list of 1 to ${MAX_MARKS} marks.` }) }] })
  }
  const marks = raw.map((entry, index): AttendanceMark => {
    const at = `marks.${index}`
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      errors.push({ path: at, message: say(lang, { es: 'Cada marca es un objeto { enrollmentId | email, present }.', en: 'Each mark is an object { enrollmentId | email, present }.' }) })
      return { present: false }
    }
    const mark = entry as Record<string, unknown>
    const hasId = mark.enrollmentId !== undefined
    const hasEmail = mark.email !== undefined
    if (hasId === hasEmail) {
      errors.push({ path: `${at}.enrollmentId`, message: say(lang, { es: 'Indica enrollmentId o email (uno de los dos).', en: 'Give enrollmentId or email (one of them).' }) })
    } else if (hasId && !isEnrollmentId(mark.enrollmentId)) {
      errors.push({ path: `${at}.enrollmentId`, message: say(lang, { es: 'enrollmentId debe ser un id de inscripción (entero positivo).', en: 'enrollmentId must be an enrollment id (a positive integer).' }) })
    } else if (hasEmail && (typeof mark.email !== 'string' || mark.email.length > 320 || !EMAIL.test(mark.email.trim()))) {
      errors.push({ path: `${at}.email`, message: say(lang, { es: 'email no es un correo válido.', en: 'email is not a valid address.' }) })
    }
    if (typeof mark.present !== 'boolean') errors.push({ path: `${at}.present`, message: say(lang, { es: 'present debe ser true o false.', en: 'present must be true or false.' }) })
    if (!isMinutes(mark.minutesAttended)) errors.push({ path: `${at}.minutesAttended`, message: minutesMessage(lang) })
    return {
      ...(hasId ? { enrollmentId: mark.enrollmentId as number } : { email: String(mark.email).trim() }),
      present: mark.present as boolean,
      ...(mark.minutesAttended !== undefined ? { minutesAttended: mark.minutesAttended as number | null } : {}),
    }
  })
  if (errors.length) throw new ValidationError({ errors })
  return marks
}
