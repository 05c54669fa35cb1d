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
    status: webinar.status,
    seatsTaken: webinar.seatsTaken ?? 0,
    capacity: webinar.capacity ?? null,
  }
}

type Session = { id?: string | null; date?: string | null; date_tz?: string | null; name?: string | null }
type CourseRow = Pick<Course, 'id' | 'title' | 'startDate' | 'status' | 'seatsTaken' | 'capacity'> & {
  modules?: { title?: string | null; sessions?: Session[] | null }[] | null
}

/**
 * A course's dated sessions (in the session's own zone when it has one, else the business's); a
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
  const entries: CalendarEntry[] = []
  for (const [moduleIndex, module] of (course.modules ?? []).entries()) {
    for (const [sessionIndex, session] of (module.sessions ?? []).entries()) {
      if (!session.date) continue
      const timeZone = session.date_tz || businessZone
      entries.push({
        ...common,
        key: `courses-${course.id}-${session.id ?? `${moduleIndex}-${sessionIndex}`}`,
        kind: 'session',
        detail: session.name || module.title || null,
        startsAt: new Date(session.date).toISOString(),
        ...localDayAndTime(session.date, timeZone),
        timeZone,
      })
    }
  }
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
      timeZone: businessZone,
    })
  }
  return entries
}
