import { createHmac, timingSafeEqual } from 'node:crypto'

import type { ItemCollection } from '../../enrollment/statuses'

/**
 * The check-in code of a session: 6 digits derived from the server's secret and the session itself
 * (item, session, start). Nothing is stored; moving a session gives it a new code, and a code read
 * off last week's screen is wrong for this week's session. See docs/courses.md "Código de asistencia".
 */
export const CHECK_IN_CODE_DIGITS = 6

/** Students may check in from this long before the start (they arrive early) until the session ends. */
export const CHECK_IN_OPENS_MINUTES_BEFORE = 15

export interface CheckInTarget {
  collection: ItemCollection
  itemId: number
  /** A course session's id; `null` for a webinar (one meeting). */
  sessionId: string | null
  startsAt: Date
  endsAt: Date
}

export function checkInCode(secret: string, target: CheckInTarget): string {
  // A key of its own, so these digits say nothing about any other signature made with the secret.
  const key = createHmac('sha256', secret).update('aula:check-in:v1').digest()
  const digest = createHmac('sha256', key).update([target.collection, target.itemId, target.sessionId ?? '-', target.startsAt.toISOString()].join('|')).digest()
  return String(digest.readUInt32BE(0) % 10 ** CHECK_IN_CODE_DIGITS).padStart(CHECK_IN_CODE_DIGITS, '0')
}

export const checkInWindow = (target: Pick<CheckInTarget, 'startsAt' | 'endsAt'>) => ({
  opensAt: new Date(target.startsAt.getTime() - CHECK_IN_OPENS_MINUTES_BEFORE * 60_000),
  closesAt: target.endsAt,
})

/** Spaces and dashes a person may type ("123 456") are ignored; anything else is not a code. */
export const normalizeCode = (value: unknown): string | null => {
  if (typeof value !== 'string' && typeof value !== 'number') return null
  const code = String(value).replace(/[\s-]/g, '')
  return new RegExp(`^\\d{${CHECK_IN_CODE_DIGITS}}$`).test(code) ? code : null
}

export const codesMatch = (typed: string, expected: string) => typed.length === expected.length && timingSafeEqual(Buffer.from(typed), Buffer.from(expected))

export type CodeState = 'valid' | 'wrong' | 'not_open' | 'closed'

/** A wrong code is wrong whatever the time; a right one is judged by the window. */
export function judgeCode(secret: string, target: CheckInTarget, typed: string, now: Date): CodeState {
  if (!codesMatch(typed, checkInCode(secret, target))) return 'wrong'
  const { opensAt, closesAt } = checkInWindow(target)
  if (now < opensAt) return 'not_open'
  if (now > closesAt) return 'closed'
  return 'valid'
}
