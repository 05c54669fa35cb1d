import { APIError, NotFound, type PayloadRequest } from 'payload'

import { dayInZone } from '../courses/courseDays'
import { earlyBirdApplies } from '../payments/earlyBird'
import { notifyIfNearlyFull } from '../notifications/triggers/seats'
import { getClock } from '../utilities/clock'
import { isTimeZone } from '../utilities/isoCodes'
import { instantOfWallTime } from '../utilities/localTime'
import { registrationClosedReason } from './registrationWindow'
import { keepPrefetched, prefetchColumns, takeItemReadAhead } from './registrationPrefetch'
import type { ItemCollection, PriceTier } from './statuses'
import { sql, sqlFor } from './transaction'

/** What the engine needs to know about a webinar or course, read under a row lock. */
export interface LockedItem {
  collection: ItemCollection
  id: number
  title: string
  status: string
  capacity: number | null
  seatsTaken: number
  startsAt: Date | null
  currency: string
  price: { tier: PriceTier; amount: number }
  /** A digest of the columns the registration's terms come from (`ITEM_TERMS`): a changed item has another. */
  terms: string
}

/**
 * What a registration's window, price and seat rules are read from, per item table, as one digest:
 * src/enrollment/seatAtCommit.ts compares it at commit with the one read at the start.
 */
export const ITEM_TERMS = {
  webinars: 'md5(row(status, capacity, is_free, price, currency, starts_at)::text)',
  courses: 'md5(row(status, capacity, regular_price, early_bird_price, early_bird_deadline, currency, start_date, timezone)::text)',
} as const satisfies Record<ItemCollection, string>

const num = (value: unknown) => (value === null || value === undefined ? null : Number(value))
const date = (value: unknown) => (value ? new Date(value as string) : null)

/**
 * Locks the item's row (`SELECT … FOR NO KEY UPDATE`) for the rest of the transaction. Every seat change
 * goes through this lock, so concurrent registrations on any number of app processes queue up
 * on the row and the counter can never overbook. See docs/decisions/0002 and 0030. Not `FOR UPDATE`:
 * an enrollment's foreign key to the item takes a key-share lock on the row, which `FOR UPDATE` waits
 * for, so two registrations that each inserted their enrollment and then asked for the seat
 * (docs/decisions/0030) would deadlock; the seat counter is no key, and `NO KEY UPDATE` is the lock
 * an UPDATE of it takes anyway.
 */
export async function lockItem(req: PayloadRequest, collection: ItemCollection, id: number): Promise<LockedItem> {
  const item = await lockAnyItem(req, collection, id)
  if (!item || item.status === 'draft') throw new NotFound(req.t)
  return item
}

/** Like `lockItem`, for seat bookkeeping on items in any state; null when the item is gone. */
export const lockAnyItem = (req: PayloadRequest, collection: ItemCollection, id: number) => loadItem(req, collection, id, true)

/** The same facts without a lock, for answers that change nothing (a price quote); null when the item is gone or a draft. */
export async function readItem(req: PayloadRequest, collection: ItemCollection, id: number): Promise<LockedItem | null> {
  const item = await loadItem(req, collection, id, false)
  return item && item.status !== 'draft' ? item : null
}

/**
 * `readItem` for a registration that takes its seat at commit (src/enrollment/seatAtCommit.ts), with the
 * person's active enrollment for the item, if any, from the same statement. Never under the lock: a
 * locking read's subquery keeps the snapshot from before the wait, and would miss what the holder wrote.
 */
export async function readItemForRegistration(
  req: PayloadRequest,
  collection: ItemCollection,
  id: number,
  activeKey: string,
): Promise<{ item: LockedItem | null; activeEnrollmentId: number | null }> {
  const item = await loadItem(req, collection, id, false, activeKey)
  const activeEnrollmentId = item?.activeEnrollmentId ?? null
  if (item) delete item.activeEnrollmentId
  return { item: item && item.status !== 'draft' ? item : null, activeEnrollmentId }
}

async function loadItem(
  req: PayloadRequest,
  collection: ItemCollection,
  id: number,
  forUpdate: boolean,
  activeKey?: string,
): Promise<(LockedItem & { activeEnrollmentId?: number | null }) | null> {
  const lock = forUpdate ? sql`FOR NO KEY UPDATE` : sql``
  const db = await sqlFor(req)
  const now = getClock(req.payload).now()
  // A registration's read may have come with the person's (src/enrollment/findOrCreatePerson.ts).
  const readAhead = activeKey === undefined ? undefined : takeItemReadAhead(req, collection, id, activeKey)
  const rowOf = async (query: () => ReturnType<typeof sql>) => (readAhead !== undefined ? readAhead : (await db.execute(query())).rows[0])
  if (collection === 'webinars') {
    const row = await rowOf(() =>
      activeKey === undefined
        ? sql`SELECT id, title, status, capacity, seats_taken, starts_at, is_free, price, currency, ${sql.raw(ITEM_TERMS.webinars)} AS terms
                FROM webinars WHERE id = ${id} AND deleted_at IS NULL ${lock}`
        : registrationItemSelect(collection, id, sql`${activeKey}`),
    )
    if (!row) return null
    if (activeKey !== undefined) keepPrefetched(req, collection, row)
    const paid = !row.is_free && Number(row.price) > 0
    return {
      collection, id, title: String(row.title), status: String(row.status), capacity: num(row.capacity),
      seatsTaken: Number(row.seats_taken ?? 0), startsAt: date(row.starts_at), currency: String(row.currency ?? 'USD'),
      price: paid ? { tier: 'regular', amount: Number(row.price) } : { tier: 'free', amount: 0 },
      terms: String(row.terms), ...activeEnrollmentOf(row),
    }
  }
  const row = await rowOf(() =>
    activeKey === undefined
      ? sql`SELECT id, title, status, capacity, seats_taken, start_date, timezone, regular_price, early_bird_price, early_bird_deadline, currency, ${sql.raw(ITEM_TERMS.courses)} AS terms
              FROM courses WHERE id = ${id} AND deleted_at IS NULL ${lock}`
      : registrationItemSelect(collection, id, sql`${activeKey}`),
  )
  if (!row) return null
  if (activeKey !== undefined) keepPrefetched(req, collection, row)
  const regular = Number(row.regular_price ?? 0)
  const earlyBird = num(row.early_bird_price)
  const price: LockedItem['price'] =
    earlyBird !== null && earlyBirdApplies(earlyBird, row.early_bird_deadline, now)
      ? { tier: 'early_bird', amount: earlyBird }
      : regular > 0
        ? { tier: 'regular', amount: regular }
        : { tier: 'free', amount: 0 }
  return {
    collection, id, title: String(row.title), status: String(row.status), capacity: num(row.capacity),
    seatsTaken: Number(row.seats_taken ?? 0), startsAt: await courseBegins(req, id, { startDate: row.start_date, timezone: row.timezone }), currency: String(row.currency ?? 'USD'), price, terms: String(row.terms), ...activeEnrollmentOf(row),
  }
}

/**
 * The unlocked read a registration takes its seat from (never locking: see `readItemForRegistration`), with the
 * person's active enrollment for the item (`activeKey`: an SQL expression, so the person's own read can join it)
 * and what the registration reads later (registrationPrefetch.ts).
 */
export function registrationItemSelect(collection: ItemCollection, id: number, activeKey: ReturnType<typeof sql>) {
  const active = sql`(SELECT e.id FROM enrollments e WHERE e.active_key = ${activeKey} LIMIT 1) AS active_enrollment_id`
  return collection === 'webinars'
    ? sql`SELECT id, title, status, capacity, seats_taken, starts_at, is_free, price, currency, ${sql.raw(ITEM_TERMS.webinars)} AS terms, ${active}${prefetchColumns('webinars')}
            FROM webinars WHERE id = ${id} AND deleted_at IS NULL`
    : sql`SELECT id, title, status, capacity, seats_taken, start_date, timezone, regular_price, early_bird_price, early_bird_deadline, currency, ${sql.raw(ITEM_TERMS.courses)} AS terms, ${active}${prefetchColumns('courses')}
            FROM courses WHERE id = ${id} AND deleted_at IS NULL`
}

/** The `active_enrollment_id` column, when the read asked for it. */
const activeEnrollmentOf = (row: Record<string, unknown>) => ('active_enrollment_id' in row ? { activeEnrollmentId: num(row.active_enrollment_id) } : {})

/**
 * When a course begins: its first session's start, or, when staff set a start day before that session's
 * day (or there are no sessions), that day's first minute in the course's zone. Never the stored whole
 * day itself (12:00 UTC), which closed registration at 07:00 in Lima on the day of a 19:00 first class.
 */
export async function courseBegins(req: PayloadRequest, id: number, course: { startDate: unknown; timezone: unknown }): Promise<Date | null> {
  const db = await sqlFor(req)
  const { rows } = await db.execute(sql`
    SELECT MIN(s.date) AS first FROM courses_modules m JOIN courses_modules_sessions s ON s._parent_id = m.id WHERE m._parent_id = ${id}`)
  const firstSession = date(rows[0]?.first)
  const timeZone = isTimeZone(course.timezone) ? course.timezone : 'America/Lima'
  const startDay = course.startDate ? new Date(String(course.startDate)).toISOString().slice(0, 10) : null
  if (!startDay) return firstSession
  if (firstSession && dayInZone(firstSession, timeZone) <= startDay) return firstSession
  const [year, month, day] = startDay.split('-').map(Number)
  return instantOfWallTime({ year, month, day, hour: 0, minute: 0 }, timeZone)
}

/** Refuses registrations the item does not take now, with the reason (409); the rule is in registrationWindow.ts. */
export function assertOpenForRegistration(req: PayloadRequest, item: LockedItem): void {
  const reason = registrationClosedReason(item, getClock(req.payload).now())
  if (reason) throw new APIError(reason, 409, undefined, true)
}

export const hasFreeSeat = (item: LockedItem) => item.capacity === null || item.seatsTaken < item.capacity

export async function changeSeatsTaken(req: PayloadRequest, item: LockedItem, delta: number): Promise<void> {
  const db = await sqlFor(req)
  const table = item.collection === 'webinars' ? sql`webinars` : sql`courses`
  await db.execute(sql`UPDATE ${table} SET seats_taken = GREATEST(seats_taken + ${delta}, 0) WHERE id = ${item.id}`)
  item.seatsTaken = Math.max(item.seatsTaken + delta, 0)
  await notifyIfNearlyFull(req, item, delta)
}
