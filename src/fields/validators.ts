import { type KnowsLanguage, say } from '../i18n/say'
import { isHttpUrl, isTimeZone } from '../utilities/isoCodes'

/** Shared checks for number fields; each returns `true` or the message the API and admin show, in the admin's language. */

type Options = { req?: KnowsLanguage }

export const nonNegativeInteger = (value: number | null | undefined, { req }: Options = {}): true | string => {
  if (value === null || value === undefined) return true
  return (Number.isInteger(value) && value >= 0) || say(req, { es: 'Debe ser un número entero, cero o mayor.', en: 'Must be a whole number, zero or more.' })
}

/**
 * A whole number from 0 to `max`. Durations and counts feed date arithmetic (an end time, a calendar
 * file): without a ceiling, 2^53 minutes is stored and the next reschedule fails on an invalid date.
 */
export const wholeNumberUpTo =
  (max: number) =>
  (value: number | null | undefined, { req }: Options = {}): true | string => {
    if (value === null || value === undefined) return true
    if (!Number.isInteger(value) || value < 0) return say(req, { es: 'Debe ser un número entero, cero o mayor.', en: 'Must be a whole number, zero or more.' })
    return value <= max || say(req, { es: `Debe ser como máximo ${max}.`, en: `Must be at most ${max}.` })
  }

/** A number from 0 to `max` (see `wholeNumberUpTo`). */
export const numberUpTo =
  (max: number) =>
  (value: number | null | undefined, { req }: Options = {}): true | string => {
    if (value === null || value === undefined) return true
    if (!Number.isFinite(value) || value < 0) return say(req, { es: 'Debe ser cero o mayor.', en: 'Must be zero or more.' })
    return value <= max || say(req, { es: `Debe ser como máximo ${max}.`, en: `Must be at most ${max}.` })
  }

export const nonNegativeNumber = (value: number | null | undefined, { req }: Options = {}): true | string => {
  if (value === null || value === undefined) return true
  return (Number.isFinite(value) && value >= 0) || say(req, { es: 'Debe ser cero o mayor.', en: 'Must be zero or more.' })
}

const time = (value: unknown): number | undefined => {
  if (value === null || value === undefined || value === '') return undefined
  const ms = new Date(value as string).getTime()
  return Number.isNaN(ms) ? undefined : ms
}

/** True when both dates are set and `earlier` is strictly after `later`. */
export const isAfter = (earlier: unknown, later: unknown): boolean => {
  const a = time(earlier)
  const b = time(later)
  return a !== undefined && b !== undefined && a > b
}

/** An empty value, or an http(s) URL (links staff paste: LinkedIn, meeting rooms). */
export const optionalHttpUrl = (value: string | null | undefined, { req }: Options = {}): true | string =>
  !value || isHttpUrl(value) || say(req, { es: 'Debe ser una URL http(s).', en: 'Must be an http(s) URL.' })

/** An IANA time zone name; `optional` also lets an empty value through. */
export const ianaTimeZone =
  ({ optional = false } = {}) =>
  (value: string | null | undefined, { req }: Options = {}): true | string =>
    (optional && (value === null || value === undefined)) ||
    isTimeZone(value) ||
    say(req, { es: 'Debe ser una zona horaria IANA, p. ej. America/Lima.', en: 'Must be an IANA time zone such as America/Lima.' })
