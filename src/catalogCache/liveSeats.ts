import { seatsLeftOf } from '../fields/seats'

/**
 * How a stored catalog answer depends on seat counts, which change at every registration:
 * - `none`: it shows no seat count (speakers, categories, a `select` without them), so a change of
 *   seat counts alone leaves it as it is;
 * - `live`: a webinar answer whose seat counts all sit on its top-level documents, and whose
 *   filter and order do not use them: the counts are read afresh and filled in on every hit;
 * - `dependent`: anything else (a filter or sort on seats, counts nested deeper): dropped on any
 *   change, seat counts included, as before.
 */
export type SeatView = { kind: 'none' } | { kind: 'dependent' } | { kind: 'live'; ids: number[] }

/** Live seat counts by item id: `[seatsTaken, capacity]`. */
export type SeatCounts = Record<string, [number, number | null]>

const SEAT_KEYS = ['seatsTaken', 'seatsLeft'] as const
const WEBINAR_ANSWER = /^\/api\/webinars(\/[^/]+)?\/?$/

type Doc = Record<string, unknown>

export function seatViewOf(url: URL, body: unknown): SeatView {
  const seatKeys = countSeatKeys(body)
  if (seatKeys === 0) return { kind: 'none' }
  if (!WEBINAR_ANSWER.test(url.pathname) || filtersOrSortsBySeats(url)) return { kind: 'dependent' }
  const docs = topLevelDocs(body)
  const onTop = docs.reduce((sum, doc) => sum + SEAT_KEYS.filter((key) => key in doc).length, 0)
  if (onTop !== seatKeys || docs.some((doc) => typeof doc.id !== 'number')) return { kind: 'dependent' }
  return { kind: 'live', ids: docs.filter((doc) => SEAT_KEYS.some((key) => key in doc)).map((doc) => doc.id as number) }
}

/** The stored body with today's counts, or `undefined` when it already shows them. */
export function withLiveSeats(body: string, counts: SeatCounts): string | undefined {
  const parsed = JSON.parse(body) as unknown
  let changed = false
  for (const doc of topLevelDocs(parsed)) {
    const live = counts[String(doc.id)]
    if (!live) continue
    const [seatsTaken, capacity] = live
    if ('seatsTaken' in doc && doc.seatsTaken !== seatsTaken) {
      doc.seatsTaken = seatsTaken
      changed = true
    }
    const seatsLeft = seatsLeftOf(capacity, seatsTaken)
    if ('seatsLeft' in doc && doc.seatsLeft !== seatsLeft) {
      doc.seatsLeft = seatsLeft
      changed = true
    }
  }
  return changed ? JSON.stringify(parsed) : undefined
}

/** The same counts for the same webinars (the database's object may list them in another order). */
export const sameCounts = (counts: SeatCounts, shown: SeatCounts | undefined): boolean =>
  !!shown &&
  Object.keys(counts).length === Object.keys(shown).length &&
  Object.entries(counts).every(([id, [taken, capacity]]) => shown[id]?.[0] === taken && shown[id]?.[1] === capacity)

/** A filter or an order on seat counts: a seat taken can change which webinars the answer holds, or their order. */
const filtersOrSortsBySeats = (url: URL) =>
  [...url.searchParams].some(([key, value]) => (key.startsWith('where') && SEAT_FIELD.test(key)) || (key === 'sort' && SEAT_FIELD.test(value)))
const SEAT_FIELD = /seatsTaken|seatsLeft/

/** A list answer's `docs`, or a by-id answer's document itself. */
export function topLevelDocs(body: unknown): Doc[] {
  if (!body || typeof body !== 'object') return []
  const docs = (body as { docs?: unknown }).docs
  if (Array.isArray(docs)) return docs.filter((doc): doc is Doc => !!doc && typeof doc === 'object')
  return 'id' in body ? [body as Doc] : []
}

function countSeatKeys(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + countSeatKeys(item), 0)
  if (!value || typeof value !== 'object') return 0
  let count = 0
  for (const [key, inner] of Object.entries(value)) {
    if ((SEAT_KEYS as readonly string[]).includes(key)) count += 1
    count += countSeatKeys(inner)
  }
  return count
}
