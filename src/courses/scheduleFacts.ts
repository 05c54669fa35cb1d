import { dayInZone, storedWholeDay } from './courseDays'
import { sessionsOf, type CourseWithSessions } from './sessions'

type HoursSession = { durationHours?: number | null }
type HoursModule = { hours?: number | null; sessions?: HoursSession[] | null }

/** A module's hours: what staff typed on it, else the sum of its sessions' hours. */
export const moduleHours = (module: HoursModule) => module.hours ?? (module.sessions ?? []).reduce((sum, session) => sum + (session.durationHours ?? 0), 0)

export interface ScheduleFacts {
  /** Stored whole days (12:00 UTC) or null when no session is dated. */
  startDate: string | null
  endDate: string | null
  /** null when the modules add up to nothing. */
  durationHours: number | null
}

/**
 * What the course's dates and length are according to its sessions: the days of the first and the
 * last session in the course's zone, and the modules' hours (each module's own, else its sessions').
 */
export function scheduleFacts(course: CourseWithSessions & { modules?: (HoursModule & object)[] | null }, timeZone: string): ScheduleFacts {
  const sessions = sessionsOf(course)
  const first = sessions[0]
  const last = sessions.at(-1)
  const hours = (course.modules ?? []).reduce((sum, module) => sum + moduleHours(module as HoursModule), 0)
  return {
    startDate: first ? storedWholeDay(dayInZone(first.startsAt, timeZone)) : null,
    endDate: last ? storedWholeDay(dayInZone(last.startsAt, timeZone)) : null,
    durationHours: hours > 0 ? hours : null,
  }
}

export type FactName = keyof ScheduleFacts

/**
 * Does a course fact come from the sessions on this save? Only when staff left it empty: a value in
 * the field (typed, or filled in by an earlier save) is kept as it is, so nothing staff typed is ever
 * overwritten. To have it follow changed sessions again, staff empty it.
 */
export const followsSessions = (value: unknown): boolean => value === null || value === undefined || value === ''
