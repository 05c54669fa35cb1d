/**
 * The days a calendar page shows. Days are plain calendar dates ("2026-12-31"), computed in UTC
 * arithmetic so no server or browser zone can move them; weeks start on Monday, as in Peru and Spain.
 */
export type CalendarView = 'month' | 'week'

export const CALENDAR_VIEWS: readonly CalendarView[] = ['month', 'week']

export interface CalendarRange {
  view: CalendarView
  /** The day the page is about (its month or week), YYYY-MM-DD. */
  anchor: string
  /** Every day on the page, Monday first, whole weeks. */
  days: string[]
  /** First day of the month (month view) or the week's Monday (week view). */
  periodStart: string
  /** Anchors of the previous and next page. */
  previous: string
  next: string
}

const DAY_MS = 86_400_000
export const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/

/** "2026-02-30" is not a day: only dates that exist on the calendar pass. */
export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== 'string') return false
  const match = DAY_PATTERN.exec(value)
  if (!match) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && Number(match[1]) >= 1970 && Number(match[1]) <= 9999
}

const toDate = (day: string) => new Date(`${day}T00:00:00Z`)
const toDay = (date: Date) => date.toISOString().slice(0, 10)

export const addDays = (day: string, count: number) => toDay(new Date(toDate(day).getTime() + count * DAY_MS))

/** Monday of the week holding `day`. */
export const mondayOf = (day: string) => addDays(day, -((toDate(day).getUTCDay() + 6) % 7))

const addMonths = (day: string, count: number) => {
  const date = toDate(day)
  return toDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + count, 1)))
}

export function calendarRange(view: CalendarView, anchor: string): CalendarRange {
  if (view === 'week') {
    const monday = mondayOf(anchor)
    return {
      view,
      anchor: monday,
      days: Array.from({ length: 7 }, (_, index) => addDays(monday, index)),
      periodStart: monday,
      previous: addDays(monday, -7),
      next: addDays(monday, 7),
    }
  }
  const first = `${anchor.slice(0, 7)}-01`
  const nextFirst = addMonths(first, 1)
  const gridStart = mondayOf(first)
  const gridEnd = addDays(mondayOf(addDays(nextFirst, -1)), 7)
  const days: string[] = []
  for (let day = gridStart; day < gridEnd; day = addDays(day, 1)) days.push(day)
  return { view, anchor: first, days, periodStart: first, previous: addMonths(first, -1), next: nextFirst }
}
