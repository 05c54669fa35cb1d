/** Years Postgres and JavaScript agree on for a timestamp (`10000-01-01` is no date to either of them in ISO form). */
const FIRST_YEAR = 1
const LAST_YEAR = 9999

/** True for a date (a Date, an ISO string, a timestamp) between the years 1 and 9999. */
export function isDateInRange(value: unknown): boolean {
  if (!(value instanceof Date) && typeof value !== 'string' && typeof value !== 'number') return false
  const date = new Date(value)
  const year = date.getUTCFullYear()
  return !Number.isNaN(date.getTime()) && year >= FIRST_YEAR && year <= LAST_YEAR && (typeof value !== 'string' || isRealCalendarDay(value))
}

/** JavaScript rolls `2030-02-30` over to 2 March; Postgres refuses it. The written day must exist. */
function isRealCalendarDay(text: string): boolean {
  const match = /^([+-]?\d{4,6})-(\d{2})-(\d{2})/.exec(text.trim())
  if (!match) return true
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const probe = new Date(Date.UTC(2000, month - 1, day))
  probe.setUTCFullYear(year)
  return month >= 1 && month <= 12 && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day
}
