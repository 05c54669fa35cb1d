import { ValidationError, type PayloadRequest } from 'payload'

import type { CourseSession } from '../courses/sessions'
import type { ItemCollection } from '../enrollment/statuses'
import { say } from '../i18n/say'
import { completionTargetOf } from './completion'
import type { AttendanceSource } from './types'

/** One session's record for one person, as lists show it; `present: null` = nothing recorded. */
export interface SessionMark {
  present: boolean | null
  minutesAttended: number | null
  source: AttendanceSource | null
  recordedAt: string | null
}

export interface AttendanceSummary {
  /** The item's dated sessions (none for a webinar). */
  sessions: CourseSession[]
  /** Per enrollment: sessions marked present (of the current ones) and, when asked, one session's record. */
  of(enrollmentId: number): { sessionsAttended: number; session: SessionMark | null }
}

const relId = (value: unknown) => (typeof value === 'object' && value !== null ? (value as { id: number }).id : (value as number))
const EMPTY: SessionMark = { present: null, minutesAttended: null, source: null, recordedAt: null }

/**
 * What participant lists add from the attendance rows: one query for the item's rows. `sessionId` must be
 * one of the course's dated sessions (400 naming `session` otherwise; a webinar has none).
 */
export async function attendanceSummary(req: PayloadRequest, collection: ItemCollection, itemId: number, sessionId?: string): Promise<AttendanceSummary> {
  const target = await completionTargetOf(req, collection, itemId)
  const sessions = target?.sessions ?? []
  if (sessionId && !sessions.some((session) => session.id === sessionId)) {
    throw new ValidationError({ errors: [{ path: 'session', message: say(req, { es: 'Este curso no tiene una sesión con fecha con ese id.', en: 'This course has no dated session with that id.' }) }] })
  }
  const { docs: rows } = await req.payload.find({
    collection: 'attendance',
    where: { and: [{ 'item.relationTo': { equals: collection } }, { 'item.value': { equals: itemId } }] },
    select: { enrollment: true, sessionId: true, present: true, minutesAttended: true, source: true, recordedAt: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const current = new Set(sessions.map((session) => session.id))
  const attended = new Map<number, number>()
  const marks = new Map<number, SessionMark>()
  for (const row of rows) {
    const enrollmentId = relId(row.enrollment)
    const counts = collection === 'webinars' ? !row.sessionId : current.has(row.sessionId ?? '')
    if (row.present && counts) attended.set(enrollmentId, (attended.get(enrollmentId) ?? 0) + 1)
    if (sessionId && row.sessionId === sessionId) {
      marks.set(enrollmentId, { present: Boolean(row.present), minutesAttended: row.minutesAttended ?? null, source: (row.source as AttendanceSource) ?? null, recordedAt: row.recordedAt ?? null })
    }
  }
  return {
    sessions,
    of: (enrollmentId) => ({ sessionsAttended: attended.get(enrollmentId) ?? 0, session: sessionId ? (marks.get(enrollmentId) ?? EMPTY) : null }),
  }
}
