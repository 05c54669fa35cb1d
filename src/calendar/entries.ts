import { sessionsOf, type CourseWithSessions } from '../courses/sessions'
import type { Course, Webinar } from '../payload-types'
import { calendarDay } from '../utilities/calendarDay'
import { formatLocalDateTime } from '../utilities/localTime'

/** One thing on the calendar: a webinar, a course session, or the first day of a course without sessions. */
export interface CalendarEntry {
  key: string
  kind: 'webinar' | 'session' | 'courseStart'
  collection: 'webinars' | 'courses'
  id: number
  title: string
  /** The session's name (or its module's title) for course sessions. */
  detail: string | null
  startsAt: string
  /** The local day (YYYY-MM-DD) in `timeZone`: where the entry sits on the calendar. */
  day: string
  /** Local "HH:mm" in `timeZone`; `null` for a whole day (a course start). */
  time: string | null
  timeZone: string
  /** Where a course session happens (its room or the course's); `null` for webinars and online sessions without one. */
  location: string | null
  status: string
  seatsTaken: number
  /** `null` = unlimited seats. */
  capacity: number | null
}

/** "04/12/2026 19:00" → { day: "2026-12-04", time: "19:00" } in the zone. */
function localDayAndTime(value: string, timeZone: string) {
  const [date, time] = formatLocalDateTime(value, timeZone).split(' ')
  const [dd, mm, yyyy] = date.split('/')
  return { day: `${yyyy}-${mm}-${dd}`, time }
}

type WebinarRow = Pick<Webinar, 'id' | 'title' | 'startsAt' | 'status' | 'seatsTaken' | 'capacity'> & { startsAt_tz?: string | null }

export function webinarEntry(webinar: WebinarRow, businessZone: string): CalendarEntry {
  const timeZone = webinar.startsAt_tz || businessZone
  return {
    key: `webinars-${webinar.id}`,
    kind: 'webinar',
    collection: 'webinars',
    id: webinar.id,
    title: webinar.title,
    detail: null,
    startsAt: new Date(webinar.startsAt).toISOString(),
    ...localDayAndTime(webinar.startsAt, timeZone),
    timeZone,
    location: null,
    status: webinar.status,
    seatsTaken: webinar.seatsTaken ?? 0,
    capacity: webinar.capacity ?? null,
  }
}

type CourseRow = Pick<Course, 'id' | 'title' | 'startDate' | 'status' | 'seatsTaken' | 'capacity'> & CourseWithSessions & { timezone?: string | null }

/**
 * A course's dated sessions, read through `sessionsOf` (the one reader of sessions), each on its
 * local day and time in the course's own zone (else the business's), with where it happens; a
 * course with no dated session at all shows its start day instead, so a new course is not invisible.
 */
export function courseEntries(course: CourseRow, businessZone: string): CalendarEntry[] {
  const common = {
    collection: 'courses' as const,
    id: course.id,
    title: course.title,
    status: course.status,
    seatsTaken: course.seatsTaken ?? 0,
    capacity: course.capacity ?? null,
  }
  const timeZone = course.timezone || businessZone
  const entries: CalendarEntry[] = sessionsOf(course).map((session) => ({
    ...common,
    key: `courses-${course.id}-${session.id}`,
    kind: 'session',
    detail: session.name || session.moduleTitle || null,
    startsAt: session.startsAt.toISOString(),
    ...localDayAndTime(session.startsAt.toISOString(), timeZone),
    timeZone,
    location: session.location,
  }))
  const startDay = calendarDay(course.startDate)
  if (!entries.length && course.startDate && startDay) {
    entries.push({
      ...common,
      key: `courses-${course.id}-start`,
      kind: 'courseStart',
      detail: null,
      startsAt: new Date(course.startDate).toISOString(),
      // A date-only field: its UTC day is the day staff picked (see src/utilities/calendarDay.ts).
      day: startDay,
      time: null,
      timeZone,
      location: course.location ?? null,
    })
  }
  return entries
}
