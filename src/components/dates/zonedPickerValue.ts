import { instantOfWallTime, wallTimeIn } from '../../utilities/localTime'

/**
 * Payload's date picker (react-datepicker) only knows the browser's zone: it shows a Date by its
 * local clock and hands back what was typed as local clock time. These two functions move a stored
 * moment to "the same clock reading in the browser" and back, so what staff type and see is the
 * time in `timeZone`, whatever zone their laptop is set to.
 */
const DATE_ONLY = new Set(['dayOnly', 'default', 'monthOnly'])

export const isDateOnly = (appearance: string | undefined) => DATE_ONLY.has(appearance ?? 'default')

/** Stored ISO moment → the ISO string the picker shows (its local clock reads the zone's). */
export function toPickerValue(value: unknown, timeZone: string, appearance: string | undefined): string | undefined {
  if (typeof value !== 'string' || !value) return undefined
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return undefined
  // Whole-day dates are UTC calendar days (src/utilities/calendarDay.ts), whatever hour is attached.
  const wall = isDateOnly(appearance)
    ? { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: 12, minute: 0 }
    : wallTimeIn(date, timeZone)
  return new Date(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute).toISOString()
}

/** What the picker handed back (local clock = what was typed) → the moment to store. */
export function fromPickerValue(picked: Date | null | undefined, timeZone: string, appearance: string | undefined): string | null {
  if (!(picked instanceof Date) || Number.isNaN(picked.getTime())) return null
  // For whole days Payload's picker already moved the pick to 12:00 UTC of the day chosen.
  if (isDateOnly(appearance)) return new Date(Date.UTC(picked.getUTCFullYear(), picked.getUTCMonth(), picked.getUTCDate(), 12)).toISOString()
  const wall = { year: picked.getFullYear(), month: picked.getMonth() + 1, day: picked.getDate(), hour: picked.getHours(), minute: picked.getMinutes() }
  return instantOfWallTime(wall, timeZone).toISOString()
}
