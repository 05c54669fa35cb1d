import type { KnowsLanguage } from '../../i18n/say'
import type { CourseSession } from '../sessions'

/** What every schedule rule looks at: the course as it would be saved, and what it was before. */
export interface ScheduleCheck {
  /** The dated sessions after this save, earliest first. */
  sessions: CourseSession[]
  /** Session row id → its path in the document ("modules.0.sessions.1"). */
  pathOf: Map<string, string>
  /** Session row id → its start before this save (ISO), for rows that existed; absent = a new row. */
  startedBefore: Map<string, string | null>
  timeZone: string
  status: string
  /** The course's whole-day dates staff typed (UTC calendar days), or undefined where they follow the sessions. */
  typedStartDay?: string
  typedEndDay?: string
  now: Date
  req: KnowsLanguage
}

export interface ScheduleError {
  path: string
  message: string
}

export type ScheduleRule = (check: ScheduleCheck) => ScheduleError[]
