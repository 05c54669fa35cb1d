import type { ItemCollection } from '../enrollment/statuses'

/** How a mark reached Aula: the roster screen, the REST API, a meeting report, a student's check-in code, the admin (participants page, enrollment edit). */
export const ATTENDANCE_SOURCES = ['roster', 'api', 'import', 'check_in', 'admin'] as const
export type AttendanceSource = (typeof ATTENDANCE_SOURCES)[number]

/** A webinar is one meeting: its single row per enrollment carries this in the unique key instead of a session id. */
export const WEBINAR_SESSION_KEY = 'webinar'

/** The unique key of a row: one per enrollment and session. */
export const attendanceKey = (enrollmentId: number, sessionId: string | null | undefined) => `${enrollmentId}:${sessionId || WEBINAR_SESSION_KEY}`

/** One person's mark in a batch: an enrollment id or the person's email. */
export interface AttendanceMark {
  enrollmentId?: number
  email?: string
  present: boolean
  /** `undefined` keeps what is stored; `null` clears it. */
  minutesAttended?: number | null
}

export interface RecordManyInput {
  collection: ItemCollection
  itemId: number
  sessionId?: string | null
  marks: AttendanceMark[]
  source: AttendanceSource
}

export interface RecordManyResult {
  recorded: number
  unchanged: number
  unmatched: { index: number; email: string }[]
}

export interface RecordOptions {
  /** Skip only the caller check (check-in after its own checks, the seed). Data rules still apply. */
  overrideAccess?: boolean
}

/** Far beyond any class; a bigger list is split by the caller. */
export const MAX_MARKS = 2000

/** A day: more minutes than this in one session is a typo. */
export const MAX_MINUTES = 1440
