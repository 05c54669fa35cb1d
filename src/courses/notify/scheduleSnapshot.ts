import { type CourseSession, type CourseWithSessions, sessionsOf } from '../sessions'

/**
 * What students were last told about one session: the course row keeps a list of these
 * (`notifiedSessions`) so a delayed job can tell what really changed since, whatever the number of
 * saves in between (a change and its undo add up to nothing).
 */
export interface NotifiedSession {
  id: string
  number: number
  name: string
  startsAt: string
  durationMinutes: number
  modality: CourseSession['modality']
  location: string | null
  meetingLink: string | null
}

export const snapshotOf = (course: CourseWithSessions): NotifiedSession[] =>
  sessionsOf(course).map((session) => ({
    id: session.id,
    number: session.number,
    name: session.name,
    startsAt: session.startsAt.toISOString(),
    durationMinutes: session.durationMinutes,
    modality: session.modality,
    location: session.location,
    meetingLink: session.meetingLink,
  }))

export type ScheduleChange =
  | { kind: 'added'; session: NotifiedSession }
  | { kind: 'removed'; session: NotifiedSession }
  | { kind: 'moved'; before: NotifiedSession; session: NotifiedSession }
  | { kind: 'place'; before: NotifiedSession; session: NotifiedSession }

const timeChanged = (a: NotifiedSession, b: NotifiedSession) => a.startsAt !== b.startsAt || a.durationMinutes !== b.durationMinutes
const placeChanged = (a: NotifiedSession, b: NotifiedSession) => a.modality !== b.modality || a.location !== b.location || a.meetingLink !== b.meetingLink

/**
 * What a student has to hear about, in time order: sessions added, removed, moved (new start or
 * length), or with a new place or link. A renamed session, or one that only changed number because
 * another moved, is not news on its own.
 */
export function diffSchedule(told: NotifiedSession[], now: NotifiedSession[]): ScheduleChange[] {
  const before = new Map(told.map((session) => [session.id, session]))
  const after = new Map(now.map((session) => [session.id, session]))
  const changes: ScheduleChange[] = []
  for (const session of told) if (!after.has(session.id)) changes.push({ kind: 'removed', session })
  for (const session of now) {
    const previous = before.get(session.id)
    if (!previous) changes.push({ kind: 'added', session })
    else if (timeChanged(previous, session)) changes.push({ kind: 'moved', before: previous, session })
    else if (placeChanged(previous, session)) changes.push({ kind: 'place', before: previous, session })
  }
  return changes.sort((a, b) => a.session.startsAt.localeCompare(b.session.startsAt))
}

/** Whether two schedules differ in anything students are told about (cheap check on every save). */
export const scheduleDiffers = (a: NotifiedSession[], b: NotifiedSession[]) => diffSchedule(a, b).length > 0

/** A stored snapshot as read from the json column (null when the course never had one). */
export const readSnapshot = (value: unknown): NotifiedSession[] | null => (Array.isArray(value) ? (value as NotifiedSession[]) : null)
