import { sessionsOf, type CourseWithSessions } from '../courses/sessions'
import type { ItemCollection } from '../enrollment/statuses'
import { DEFAULT_FOLLOW_UP_DELAY_HOURS } from './states'

const HOUR = 3_600_000

/** When the item is over: a webinar at its start plus its duration, a course when its last dated session ends. Null while undated. */
export function itemEndsAt(collection: ItemCollection, item: Record<string, unknown>): Date | null {
  if (collection === 'courses') {
    const sessions = sessionsOf(item as CourseWithSessions)
    if (!sessions.length) return null
    return new Date(Math.max(...sessions.map((session) => session.endsAt.getTime())))
  }
  if (!item.startsAt) return null
  const startsAt = new Date(item.startsAt as string)
  if (Number.isNaN(startsAt.getTime())) return null
  const minutes = Number(item.durationMinutes ?? 60)
  return new Date(startsAt.getTime() + (Number.isFinite(minutes) && minutes > 0 ? minutes : 0) * 60_000)
}

/** The end plus the item's delay (2 hours when left empty). */
export function followUpDueAt(collection: ItemCollection, item: Record<string, unknown>): Date | null {
  const endsAt = itemEndsAt(collection, item)
  if (!endsAt) return null
  const delay = item.followUpDelayHours
  const hours = typeof delay === 'number' && Number.isFinite(delay) && delay >= 0 ? delay : DEFAULT_FOLLOW_UP_DELAY_HOURS
  const dueAt = new Date(endsAt.getTime() + hours * HOUR)
  // Collection hooks run before field validation: a start in the year 10000 or a delay of 1e308 reaches
  // here and must not become a second error (or a RangeError, a 500); the field's own check refuses it.
  return Number.isFinite(dueAt.getTime()) && dueAt.getUTCFullYear() <= LAST_STORABLE_YEAR ? dueAt : null
}

const LAST_STORABLE_YEAR = 9999
