import type { PayloadRequest } from 'payload'

import { getClock } from '../../utilities/clock'
import { calendarDay } from '../../utilities/calendarDay'
import { followsSessions } from '../scheduleFacts'
import { sessionsOf, type CourseWithSessions } from '../sessions'
import type { ScheduleCheck, ScheduleError, ScheduleRule } from './context'
import { meetingLinkDue } from './meetingLinkDue'
import { overlappingSessions } from './overlappingSessions'
import { sessionsInThePast } from './sessionsInThePast'
import { sessionsOutsideCourseDates } from './outsideCourseDates'

type Row = { id?: string | null; date?: string | Date | null }
type CourseData = CourseWithSessions & {
  modules?: { sessions?: Row[] | null }[] | null
  timezone?: string | null
  status?: string | null
  startDate?: string | null
  endDate?: string | null
}

/**
 * Lets a server-side writer (the demo seed, an import of a past course) create sessions that already
 * happened. Only Local API callers can set `context`; REST and GraphQL callers cannot.
 */
export const PAST_SESSIONS_ALLOWED = 'pastSessionsAllowed'

const sessionRows = (course: CourseData | null | undefined) =>
  (course?.modules ?? []).flatMap((module, moduleIndex) =>
    (module.sessions ?? []).map((session, sessionIndex) => ({ session, path: `modules.${moduleIndex}.sessions.${sessionIndex}` })),
  )

const dateOf = (value: Row['date']) => (value instanceof Date ? value.toISOString() : (value ?? null))

/** The checks a course's schedule must pass before it is saved (docs/courses.md, "Session rules"). */
export function scheduleErrors(req: PayloadRequest, course: CourseData, before: CourseData | null | undefined, timeZone: string): ScheduleError[] {
  const typed = (name: 'startDate' | 'endDate') => (followsSessions(course[name]) ? undefined : calendarDay(course[name]))
  const check: ScheduleCheck = {
    sessions: sessionsOf(course),
    pathOf: new Map(sessionRows(course).map(({ session, path }) => [String(session.id), path])),
    startedBefore: new Map(sessionRows(before).map(({ session }) => [String(session.id), dateOf(session.date)])),
    timeZone,
    status: course.status ?? 'draft',
    typedStartDay: typed('startDate'),
    typedEndDay: typed('endDate'),
    now: getClock(req.payload).now(),
    req,
  }
  const rules: ScheduleRule[] = [sessionsOutsideCourseDates, overlappingSessions, meetingLinkDue]
  if (!req.context?.[PAST_SESSIONS_ALLOWED]) rules.push(sessionsInThePast)
  return rules.flatMap((rule) => rule(check))
}
