/**
 * How staff read a moment: day first (dd/MM/yyyy HH:mm, 24 h) in a named IANA zone, never the
 * server's or the browser's zone. One place so the dashboard, lists, exports, participant lists and
 * email previews agree to the minute.
 */
import { TZDate } from '@date-fns/tz'

export type AdminLanguage = 'es' | 'en'

/** Payload's date-picker/display format for date-and-time fields and for date-only fields. */
export const DATE_TIME_FORMAT = 'dd/MM/yyyy HH:mm'
export const DATE_FORMAT = 'dd/MM/yyyy'

const partsIn = (date: Date, timeZone: string) => {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date)
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value ?? ''
  return { day: get('day'), month: get('month'), year: get('year'), hour: get('hour'), minute: get('minute') }
}

/** A wall-clock reading: what a clock on the wall in some zone shows (month 1–12). */
export interface WallTime {
  year: number
  month: number
  day: number
  hour: number
  minute: number
}

/** What a clock in `timeZone` showed at that moment. */
export function wallTimeIn(date: Date, timeZone: string): WallTime {
  const p = partsIn(date, timeZone)
  return { year: Number(p.year), month: Number(p.month), day: Number(p.day), hour: Number(p.hour), minute: Number(p.minute) }
}

/** The moment a clock in `timeZone` shows that wall time ("03/12/2026 10:00" in Lima is 15:00 UTC). */
export function instantOfWallTime(wall: WallTime, timeZone: string): Date {
  return new Date(new TZDate(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, 0, 0, timeZone).getTime())
}

/** The zone a row's date is read in: its own (`<field>_tz`, e.g. a webinar's `startsAt_tz`) when it has one, else the business's. */
export function zoneForRow(row: Record<string, unknown> | null | undefined, fieldPath: string, businessTimeZone: string): string {
  const own = row?.[`${fieldPath}_tz`]
  return typeof own === 'string' && own ? own : businessTimeZone
}

const toDate = (value: Date | string | number | null | undefined): Date | null => {
  if (value === null || value === undefined || value === '') return null
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

/** "04/12/2026 19:00" in the zone; '' for no date. */
export function formatLocalDateTime(value: Date | string | number | null | undefined, timeZone: string): string {
  const date = toDate(value)
  if (!date) return ''
  const p = partsIn(date, timeZone)
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`
}

/** "04/12/2026" in the zone; '' for no date. */
export function formatLocalDate(value: Date | string | number | null | undefined, timeZone: string): string {
  const date = toDate(value)
  if (!date) return ''
  const p = partsIn(date, timeZone)
  return `${p.day}/${p.month}/${p.year}`
}

/** The zone as staff name it: "Lima", "Madrid", "Ciudad de México" is not attempted; the IANA city, readable. */
export function timeZoneName(timeZone: string): string {
  const city = timeZone.split('/').at(-1) ?? timeZone
  return city.replaceAll('_', ' ')
}

/** "04/12/2026 19:00 (hora de Lima)" / "04/12/2026 19:00 (Lima time)": the moment and which zone it is in. */
export function formatWithZone(value: Date | string | number | null | undefined, timeZone: string, language: AdminLanguage = 'es'): string {
  const text = formatLocalDateTime(value, timeZone)
  if (!text) return ''
  const name = timeZoneName(timeZone)
  return language === 'en' ? `${text} (${name} time)` : `${text} (hora de ${name})`
}
