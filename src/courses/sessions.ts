/**
 * A course's sessions as the rest of Aula reads them: flat, in time order, with their real start and
 * end instants and where they happen. The course row stays the source (modules[].sessions[]; see
 * docs/decisions/0009-course-sessions.md); every module that needs sessions goes through here.
 */
export type SessionModality = 'online' | 'presential' | 'hybrid'

export interface CourseSession {
  /** Payload's array row id: stable across reordering and edits. */
  id: string
  moduleIndex: number
  moduleTitle: string
  /** 1-based position in time order. */
  number: number
  name: string
  startsAt: Date
  endsAt: Date
  durationMinutes: number
  modality: SessionModality
  location: string | null
  meetingLink: string | null
  instructorId: number | null
}

type RawSession = {
  id?: string | null
  date?: string | Date | null
  name?: string | null
  durationHours?: number | null
  modality?: SessionModality | null
  location?: string | null
  meetingLink?: string | null
  instructor?: number | { id: number } | null
}
type RawModule = { title?: string | null; sessions?: RawSession[] | null }
export type CourseWithSessions = { modules?: RawModule[] | null; modality?: SessionModality | null; location?: string | null }

/** Minutes in a session with no duration typed: Payload's default for new rows is 2 hours. */
export const DEFAULT_SESSION_MINUTES = 120

/** Every dated session of a course, earliest first. Sessions without a date are not yet scheduled and are left out. */
export function sessionsOf(course: CourseWithSessions): CourseSession[] {
  const sessions: Omit<CourseSession, 'number'>[] = []
  ;(course.modules ?? []).forEach((module, moduleIndex) => {
    for (const session of module.sessions ?? []) {
      if (!session?.date || !session.id) continue
      const startsAt = new Date(session.date)
      if (Number.isNaN(startsAt.getTime())) continue
      const durationMinutes = session.durationHours != null && session.durationHours > 0 ? Math.round(session.durationHours * 60) : DEFAULT_SESSION_MINUTES
      const instructor = session.instructor
      sessions.push({
        id: String(session.id),
        moduleIndex,
        moduleTitle: module.title ?? '',
        name: session.name ?? '',
        startsAt,
        endsAt: new Date(startsAt.getTime() + durationMinutes * 60_000),
        durationMinutes,
        modality: session.modality ?? course.modality ?? 'online',
        location: session.location || course.location || null,
        meetingLink: session.meetingLink || null,
        instructorId: instructor == null ? null : typeof instructor === 'object' ? instructor.id : Number(instructor),
      })
    }
  })
  sessions.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id))
  return sessions.map((session, index) => ({ ...session, number: index + 1 }))
}

export const isOnline = (session: Pick<CourseSession, 'modality'>) => session.modality !== 'presential'

export const findSession = (course: CourseWithSessions, sessionId: string) => sessionsOf(course).find((session) => session.id === sessionId) ?? null
