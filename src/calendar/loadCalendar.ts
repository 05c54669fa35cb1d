import type { PayloadRequest, Where } from 'payload'

import { getBusinessSettings } from '../settings/businessSettings'
import { getClock } from '../utilities/clock'
import { formatLocalDateTime } from '../utilities/localTime'
import { courseEntries, webinarEntry, type CalendarEntry } from './entries'
import { addDays, calendarRange, type CalendarRange, type CalendarView } from './range'

export interface CalendarData extends CalendarRange {
  /** Today in the business zone (YYYY-MM-DD). */
  today: string
  /** The business zone: course sessions without a zone of their own are read in it. */
  timeZone: string
  entries: CalendarEntry[]
}

/** Most items a page loads per collection: a month of a busy school fits many times over. */
const PAGE_LIMIT = 1000

const todayIn = (now: Date, timeZone: string) => {
  const [dd, mm, yyyy] = formatLocalDateTime(now, timeZone).slice(0, 10).split('/')
  return `${yyyy}-${mm}-${dd}`
}

/**
 * Webinars and course sessions on a month or week page, read as the caller (Payload's access
 * rules decide what they see; trashed items never show). Every entry sits on its local day in its
 * own zone: a webinar at 23:30 Lima on the 31st is on the 31st even though it is the 1st in UTC.
 * The webinars' and sessions' course schedules are the one data source (sessions may move out of
 * `modules[].sessions[]` later; only `entries.ts` and the query below would change).
 */
export async function loadCalendar(req: PayloadRequest, { view, date }: { view: CalendarView; date?: string }): Promise<CalendarData> {
  const { payload } = req
  const { timezone } = await getBusinessSettings(payload, req)
  const today = todayIn(getClock(payload).now(), timezone)
  const range = calendarRange(view, date ?? today)
  const first = range.days[0]
  const last = range.days.at(-1)!
  // Zones run from UTC-12 to UTC+14: a day either side catches every local day on the page; the exact filter is below.
  const from = `${addDays(first, -1)}T00:00:00.000Z`
  const to = `${addDays(last, 2)}T00:00:00.000Z`
  const inRange = { greater_than_equal: from, less_than: to }
  const asCaller = { req, user: req.user, overrideAccess: false, depth: 0, limit: PAGE_LIMIT } as const
  const [webinars, courses] = await Promise.all([
    payload.find({
      collection: 'webinars',
      where: { startsAt: inRange },
      select: { title: true, startsAt: true, status: true, seatsTaken: true, capacity: true },
      sort: 'startsAt',
      ...asCaller,
    }),
    payload.find({
      collection: 'courses',
      where: { or: [{ 'modules.sessions.date': inRange }, { startDate: inRange }] } as Where,
      select: { title: true, startDate: true, status: true, seatsTaken: true, capacity: true, modules: true, timezone: true, modality: true, location: true },
      ...asCaller,
    }),
  ])
  const entries = [
    ...webinars.docs.map((webinar) => webinarEntry(webinar as never, timezone)),
    ...courses.docs.flatMap((course) => courseEntries(course as never, timezone)),
  ]
    .filter((entry) => entry.day >= first && entry.day <= last)
    .sort((a, b) => a.day.localeCompare(b.day) || (a.time ?? '').localeCompare(b.time ?? '') || a.title.localeCompare(b.title))
  return { ...range, today, timeZone: timezone, entries }
}
