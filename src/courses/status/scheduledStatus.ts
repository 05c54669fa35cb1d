import type { CourseSession } from '../sessions'

/** The statuses the schedule moves a course between; draft and cancelled are staff's alone. */
export const SCHEDULE_DRIVEN = ['published', 'in_progress'] as const

/**
 * Where the schedule says a course is at `now`: running from the moment its first session starts,
 * completed once its last one has ended. `null` = leave it (no dated session, not started yet, a
 * status the schedule never touches, or already there).
 */
export function scheduledStatus(status: string, sessions: Pick<CourseSession, 'startsAt' | 'endsAt'>[], now: Date): 'in_progress' | 'completed' | null {
  if (!SCHEDULE_DRIVEN.includes(status as never) || sessions.length === 0) return null
  const lastEnd = Math.max(...sessions.map((session) => session.endsAt.getTime()))
  const firstStart = Math.min(...sessions.map((session) => session.startsAt.getTime()))
  const target = now.getTime() >= lastEnd ? 'completed' : now.getTime() >= firstStart ? 'in_progress' : null
  return target === status ? null : target
}
