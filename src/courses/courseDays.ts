import { wallTimeIn } from '../utilities/localTime'

/**
 * Course dates are whole days, sessions are moments: to compare them, a session is read as the day
 * it falls on in the course's own zone (a session at 20:00 in Lima on the 31st is on the 31st even
 * though it is the 1st in UTC), and a whole-day field as its UTC calendar day.
 */
export function dayInZone(moment: Date, timeZone: string): string {
  const { year, month, day } = wallTimeIn(moment, timeZone)
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** A whole day as Aula's date-only fields store it: 12:00 UTC of that day (src/components/dates/zonedPickerValue.ts). */
export const storedWholeDay = (day: string) => `${day}T12:00:00.000Z`
