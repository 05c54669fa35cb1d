/**
 * Dates for browser tests. The app under test runs on the real clock (a browser test drives `npm
 * run dev` as staff would, with no clock to set), and the app refuses what a person could not do
 * on that day: a new course session cannot start in the past. A test that writes "2 December 2026"
 * passes until that day and fails from then on, so every date here is taken from today.
 */
export const DAY_MS = 86_400_000

/** Next calendar year: every day of it is still ahead whenever the suite runs. */
export const NEXT_YEAR = new Date().getUTCFullYear() + 1

/** Staff type and read days day-first ("04/12/2026"). */
export const typedDay = (isoDay: string) => isoDay.split('-').reverse().join('/')

/** The calendar day in Lima (the business zone) `offset` days from today: stored as "2026-12-04", typed as "04/12/2026". */
export function limaDay(offset: number): { iso: string; typed: string } {
  const iso = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Lima' }).format(new Date(Date.now() + offset * DAY_MS))
  return { iso, typed: typedDay(iso) }
}

/** A wall time in Lima (no daylight saving: always UTC−5) as the instant the API stores. */
export const limaInstant = (isoDay: string, time: string) => new Date(`${isoDay}T${time}:00-05:00`).toISOString()
