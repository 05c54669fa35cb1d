import { TZDate } from '@date-fns/tz'

const DAY_MS = 86_400_000

type Row = Record<string, unknown>

/** A date-only value (its UTC day is the day staff picked) moved by whole days. */
export const shiftDay = (value: unknown, days: number): unknown =>
  typeof value === 'string' && value ? new Date(new Date(value).getTime() + days * DAY_MS).toISOString() : value

/**
 * A moment moved by calendar days in its zone, keeping its wall-clock time: a Tuesday 19:00 session
 * is a Tuesday 19:00 session a week later, even across a daylight-saving change.
 */
export const shiftMoment = (value: unknown, days: number, timeZone: string): unknown => {
  if (typeof value !== 'string' || !value) return value
  const local = new TZDate(new Date(value).getTime(), timeZone)
  local.setDate(local.getDate() + days)
  return new Date(local.getTime()).toISOString()
}

/**
 * Every date of a course moved by `days`: its start and end, the early-bird deadline, each module's
 * start and end, and each session (in the session's own zone when it has one, else the business's).
 */
export function shiftCourseDates<T extends Row>(course: T, days: number, businessZone: string): T {
  const zoneOf = (row: Row, field: string) => (typeof row[`${field}_tz`] === 'string' ? (row[`${field}_tz`] as string) : businessZone)
  const modules = Array.isArray(course.modules) ? (course.modules as Row[]) : []
  return {
    ...course,
    startDate: shiftDay(course.startDate, days),
    endDate: shiftDay(course.endDate, days),
    earlyBirdDeadline: shiftMoment(course.earlyBirdDeadline, days, zoneOf(course, 'earlyBirdDeadline')),
    modules: modules.map((module) => ({
      ...module,
      startDate: shiftDay(module.startDate, days),
      endDate: shiftDay(module.endDate, days),
      sessions: (Array.isArray(module.sessions) ? (module.sessions as Row[]) : []).map((session) => ({
        ...session,
        date: shiftMoment(session.date, days, zoneOf(session, 'date')),
      })),
    })),
  }
}
