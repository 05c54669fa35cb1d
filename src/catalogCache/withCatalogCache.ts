import { getPayload, type SanitizedConfig } from 'payload'
import type { Pool } from 'pg'

import { isAnonymousRequest } from '../utilities/anonymousRequest'
import { getClock } from '../utilities/clock'
import { catalogChangesTracked } from './changeLog'
import { catalogCacheEnabled } from './enabled'
import { sameCounts, type SeatCounts, type SeatView, seatViewOf, withLiveSeats } from './liveSeats'
import { reusableUntil } from './priceDeadlines'

type Handler<A extends unknown[]> = (request: Request, ...rest: A) => Promise<Response>

/**
 * The catalog reads, by list or by id. They depend on the database, and a course's `currentPrice`
 * on the clock too: a course answer is kept only until its next early-bird deadline (priceDeadlines.ts).
 */
const CATALOG_READ = /^\/api\/(webinars|courses|speakers|categories)(\/[^/]+)?\/?$/
/** Longest an answer is reused even with no change (by the app clock): bounds what depends on time, like an early-bird price. */
const MAX_AGE_MS = 5_000
const MAX_ENTRIES = 500
const PRUNE_EVERY_MS = 60_000

/**
 * Has anything in the catalog committed since `snapshot` was taken? A change counts when its
 * transaction was not visible to that snapshot, so one still running then and committed later
 * counts too (sequence numbers or timestamps would miss it: they exist before the commit).
 * A change of seat counts alone counts only for answers that depend on them ($2); an answer that
 * shows them on its webinars gets them read afresh ($3: those webinars), in the same statement.
 */
const CHANGED_SINCE = `
  SELECT EXISTS (
    SELECT 1 FROM catalog_changes
     WHERE xid >= pg_snapshot_xmin($1::pg_snapshot)::text::bigint
       AND NOT pg_visible_in_snapshot(xid::text::xid8, $1::pg_snapshot)
       AND (NOT seats_only OR $2::boolean)
  ) AS changed,
  CASE WHEN cardinality($3::int[]) > 0 THEN
    (SELECT json_object_agg(id, json_build_array(seats_taken, capacity)) FROM webinars WHERE id = ANY($3::int[]))
  END AS seats`

interface Entry {
  snapshot: string
  storedAt: number
  /** As computed, or with the seat counts last filled in (liveSeats.ts). */
  body: string
  headers: Headers
  seats: SeatView
  /** The live counts last filled in: a hit that reads the same ones answers the body without parsing it. */
  seatsShown?: SeatCounts
  /** By the app clock, when the answer stops being exact without any write (a course's early-bird deadline). */
  until?: number
}

/** Reusable at `now` by the clock: young enough, and before anything in it changes with time. */
const inTime = (entry: Entry, now: number) => now >= entry.storedAt && now - entry.storedAt < MAX_AGE_MS && (entry.until === undefined || now < entry.until)

const isAnonymousCatalogRead = (request: Request) =>
  catalogCacheEnabled() &&
  request.method === 'GET' &&
  isAnonymousRequest(request) &&
  CATALOG_READ.test(new URL(request.url).pathname)

/**
 * Anonymous catalog reads (the same for every anonymous visitor) are answered from memory while
 * nothing in the catalog has changed: each hit costs one small query instead of four and Payload's
 * whole read path. Exact, across app instances: every write to a catalog table is logged by a
 * trigger in the same transaction, and an answer is reused only if no change committed after the
 * snapshot taken before it was computed. A seat taken by a registration shows at once, and without
 * dropping the answer: seat counts are read afresh with each hit's check (liveSeats.ts), so a burst of
 * registrations does not turn every catalog read into a full one.
 */
export function withCatalogCache<A extends unknown[]>(handler: Handler<A>, config: Promise<SanitizedConfig> | SanitizedConfig): Handler<A> {
  const entries = new Map<string, Entry>()
  // Answers being computed now, by key: a burst of misses (every 5 s on a busy catalog) computes the answer once, not once per caller.
  const computing = new Map<string, Promise<Entry | undefined>>()
  let lastPrune = Date.now()
  return async (request, ...rest) => {
    if (!isAnonymousCatalogRead(request)) return handler(request, ...rest)
    const payload = await getPayload({ config })
    if (!catalogChangesTracked(payload)) return handler(request, ...rest)
    const pool = (payload.db as unknown as { pool: Pool }).pool
    // CORS headers depend on the caller's Origin: an answer stored for one site must not be replayed to another.
    const key = `${request.headers.get('origin') ?? ''} ${request.url}`
    try {
      const now = getClock(payload).now().getTime()
      // The stored answer as it stands now (seat counts filled in afresh), or undefined when the catalog changed since.
      const current = async (entry: Entry) => {
        const live = entry.seats.kind === 'live' ? entry.seats.ids : []
        const { rows } = await pool.query<{ changed: boolean; seats: SeatCounts | null }>(CHANGED_SINCE, [entry.snapshot, entry.seats.kind === 'dependent', live])
        if (rows[0]?.changed !== false) return undefined
        const counts = rows[0].seats
        if (counts && !sameCounts(counts, entry.seatsShown)) {
          entry.body = withLiveSeats(entry.body, counts) ?? entry.body
          entry.seatsShown = counts
        }
        return new Response(entry.body, { status: 200, headers: entry.headers })
      }
      const entry = entries.get(key)
      if (entry && inTime(entry, now)) {
        const hit = await current(entry)
        if (hit) return hit
      }
      const pending = computing.get(key)
      if (pending) {
        // The same rule as a stored answer: taken only if nothing changed after its snapshot, so a caller who
        // just wrote never gets an answer begun before the write committed.
        const shared = await pending
        const hit = shared && inTime(shared, now) && (await current(shared))
        if (hit) return hit
      }
      let settle: (entry: Entry | undefined) => void = () => undefined
      const mine = new Promise<Entry | undefined>((resolve) => (settle = resolve))
      computing.set(key, mine)
      let stored: Entry | undefined
      try {
        const { rows } = await pool.query<{ snapshot: string }>('SELECT pg_current_snapshot()::text AS snapshot')
        const response = await handler(request, ...rest)
        // An answer computed for a signed-in caller (however they signed in) may hold what only they may read,
        // such as the meeting link of a webinar they are enrolled in: never keep it for anyone else.
        if (response.status !== 200 || /private|no-store/.test(response.headers.get('cache-control') ?? '')) return response
        const body = await response.text()
        const url = new URL(request.url)
        const parsed = JSON.parse(body) as unknown
        const until = reusableUntil(url, parsed, now)
        if (until === null) return new Response(body, { status: 200, headers: response.headers })
        const headers = new Headers(response.headers)
        // A hit may answer with other seat counts, so another length.
        headers.delete('content-length')
        stored = { snapshot: rows[0]!.snapshot, storedAt: now, body, headers, seats: seatViewOf(url, parsed), until }
        entries.delete(key)
        entries.set(key, stored)
        if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!)
        if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
          lastPrune = Date.now()
          void pool.query(`DELETE FROM catalog_changes WHERE at < now() - interval '10 minutes'`).catch(() => undefined)
        }
        return new Response(body, { status: 200, headers: response.headers })
      } finally {
        settle(stored)
        if (computing.get(key) === mine) computing.delete(key)
      }
    } catch {
      // The cache's own queries failed (the database is going away): answer as if there were no cache.
      return handler(request, ...rest)
    }
  }
}
