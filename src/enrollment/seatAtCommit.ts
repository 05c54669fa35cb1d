import type { PayloadRequest } from 'payload'

import { DIVISION_BY_ZERO, pgErrorCode } from '../db/pgErrorCode'
import { commitAlreadySent } from '../db/rawStatements'
import { notifyIfNearlyFull, notifyIfWaitlistForming } from '../notifications/triggers/seats'
import { seatLockHeld, seatLockWait } from '../observability/metrics'
import { assertOpenForRegistration, hasFreeSeat, ITEM_TERMS, type LockedItem } from './items'
import { sql, sqlFor } from './transaction'

/**
 * The seat decided at commit (docs/decisions/0030). A registration reads its item without a lock,
 * guesses from that read whether a seat is free, and writes everything that follows from the guess
 * (the enrollment's status, its emails, the audit entry). Only then, in one round trip with the
 * COMMIT, is the item's row locked, the guess checked against the locked row and the counter moved:
 * the lock is held for one statement and the commit, not for the whole registration. A guess the
 * locked row contradicts (the last seat went meanwhile, a seat was freed, staff changed the item) rolls
 * everything back and the registration runs again from a fresh read (after three misses, the old way,
 * item locked first), so the answer is always one a fully serialised registration could give.
 */

interface SeatGuess {
  item: LockedItem
  seat: boolean
}

interface SeatAtCommitState {
  /** `commit`: guess, then lock at the end; `first`: the retry, locked from the start as every other seat change is. */
  mode: 'commit' | 'first'
  guesses: SeatGuess[]
  /** When the last item lock was asked for and granted (performance.now()), for the metrics. */
  lockAskedAt?: number
  lockGrantedAt?: number
  itemType?: string
  /** Measured by PostgreSQL's clock when the seat was settled at commit. */
  timings?: { itemType: string; heldSeconds: number; waitedSeconds: number }
  /** What the commit settled, for the notifications after it. */
  settled?: { item: LockedItem; seat: boolean; seatsTaken: number; capacity: number | null; enrollmentId: number }
}

const STATE = 'seatAtCommit'

/** Thrown at commit when the locked row says otherwise than the guess; `register` runs the registration again. */
export class SeatGuessMissed extends Error {
  constructor() {
    super('The seat guessed from an unlocked read no longer holds; registering again from a fresh read.')
  }
}

/** How the registration about to run on `req` takes its seat (register.ts): at commit, or (its retry) locking first. */
export function decideSeat(req: PayloadRequest, mode: SeatAtCommitState['mode']): void {
  req.context[STATE] = { mode, guesses: [] } satisfies SeatAtCommitState
}

export function endSeatDecision(req: PayloadRequest): void {
  req.context[STATE] = undefined
}

const stateOf = (req: PayloadRequest) => req.context[STATE] as SeatAtCommitState | undefined

/** True while a registration decides its seat at commit: applySeatRules then reads the item without a lock. */
export const seatDecidedAtCommit = (req: PayloadRequest): boolean => stateOf(req)?.mode === 'commit'

/** The lock-first path's lock (applySeatRules), timed for the same metrics when a registration takes it. */
export async function timedItemLock<T extends LockedItem | null>(req: PayloadRequest, lock: () => Promise<T>): Promise<T> {
  const state = stateOf(req)
  if (state) state.lockAskedAt = performance.now()
  const item = await lock()
  if (state) {
    state.lockGrantedAt = performance.now()
    state.itemType = item?.collection
  }
  return item
}

/** applySeatRules' guess, from its unlocked read of the item: checked and applied by `settleSeatsAtCommit`. */
export function guessSeat(req: PayloadRequest, item: LockedItem): boolean {
  const seat = hasFreeSeat(item)
  stateOf(req)?.guesses.push({ item, seat })
  return seat
}

/** The digest is hex by construction; checked anyway, since it is written into the statement's text. */
const HEX_DIGEST = /^[0-9a-f]{32}$/

/**
 * One round trip that locks the row, checks the guess, moves the counter and COMMITS: the lock is held
 * only while PostgreSQL runs it, never while this process's event loop is busy with other requests
 * (under a burst each await cost a turn of a loaded loop: 13 ms at p50, docs/benchmarks.md). A wrong
 * guess divides by zero (the row's data decides, so no planner folds it; the result is selected, so
 * no planner drops it either), which aborts the statement and skips the COMMIT behind it. Sent as one simple-protocol query, so every value is inlined: ids and
 * booleans from this code, the digest checked as hex.
 */
function settleStatement(guess: SeatGuess): string {
  const { collection, id, terms } = guess.item
  if (!Number.isSafeInteger(id) || !HEX_DIGEST.test(terms)) throw new Error('Unexpected item id or terms digest')
  const table = collection === 'webinars' ? 'webinars' : 'courses'
  const take = guess.seat
    ? `, taken AS (UPDATE ${table} t SET seats_taken = t.seats_taken + 1 FROM verdict WHERE t.id = ${id} AND verdict.ok = 1 RETURNING t.seats_taken, t.capacity)`
    : ''
  return `WITH item AS (
  SELECT seats_taken, capacity, ${ITEM_TERMS[collection]} AS terms, extract(epoch FROM clock_timestamp()) * 1000 AS granted_ms
    FROM ${table} WHERE id = ${id} AND deleted_at IS NULL FOR NO KEY UPDATE
), verdict AS MATERIALIZED (
  SELECT 1 / count(*)::int AS ok, min(granted_ms) AS granted_ms FROM item
   WHERE terms = '${terms}' AND (capacity IS NULL OR seats_taken < capacity) = ${guess.seat}
)${take}
SELECT v.ok, v.granted_ms, ${guess.seat ? '(SELECT seats_taken FROM taken)' : 'NULL'} AS seats_taken, ${guess.seat ? '(SELECT capacity FROM taken)' : 'NULL'} AS capacity FROM verdict v;
COMMIT;
SELECT extract(epoch FROM clock_timestamp()) * 1000 AS committed_ms`
}

type Result = { rows: Record<string, unknown>[] }

/**
 * The registration's last step: the seat taken (or the waitlist confirmed) and the transaction committed,
 * in one round trip (with `writeFirst`'s statement, if any, ahead of it). False when the registration does
 * not settle at commit (it locked first): nothing was sent. Payload's own commit afterwards is answered
 * without a round trip (`commitAlreadySent`): the transaction is over.
 */
export async function settleSeatsAtCommit(req: PayloadRequest, enrollmentId: number, writeFirst: () => string | null = () => null): Promise<boolean> {
  const state = stateOf(req)
  if (state?.mode !== 'commit' || state.guesses.length === 0) return false
  // One registration takes one seat; several guesses would need one statement each, and the first COMMIT would end the rest.
  if (state.guesses.length > 1) throw new Error('A registration settles one seat at commit')
  const [guess] = state.guesses as [SeatGuess]
  // The same check the lock-first path makes, on what the digest proves unchanged, at the registration's own time.
  assertOpenForRegistration(req, guess.item)
  const db = await sqlFor(req)
  const sent = performance.now()
  // A last write of the transaction's own (its audit entries) rides along, before the lock is asked for.
  const first = writeFirst()
  let results: Result[]
  try {
    results = (await db.execute(sql.raw(first ? `${first};\n${settleStatement(guess)}` : settleStatement(guess)))) as unknown as Result[]
  } catch (error) {
    if (pgErrorCode(error) === DIVISION_BY_ZERO) throw new SeatGuessMissed()
    throw error
  }
  const answered = performance.now()
  await commitAlreadySent(req)
  const [settled, , committed] = first ? results.slice(1) : results
  const row = settled!.rows[0]!
  // PostgreSQL's own clock, in milliseconds: from the row lock granted to the COMMIT done.
  const heldMs = Number(committed!.rows[0]!.committed_ms) - Number(row.granted_ms)
  state.timings = { itemType: guess.item.collection, heldSeconds: heldMs / 1000, waitedSeconds: Math.max(answered - sent - heldMs, 0) / 1000 }
  state.settled = { item: guess.item, seat: guess.seat, seatsTaken: Number(row.seats_taken ?? guess.item.seatsTaken), capacity: row.capacity === null ? guess.item.capacity : Number(row.capacity), enrollmentId }
  return true
}

/**
 * After the commit, what editors hear: an item crossing 90% (once per item) and a waitlist forming (the
 * oldest waitlisted registration tells; the dedupe key keeps it to one). Outside the transaction, which
 * is already committed: a crash right here loses the nudge, never a seat.
 */
export async function notifyAfterSeatCommit(req: PayloadRequest): Promise<void> {
  const settled = stateOf(req)?.settled
  if (!settled) return
  if (settled.seat) await notifyIfNearlyFull(req, { ...settled.item, seatsTaken: settled.seatsTaken, capacity: settled.capacity }, 1)
  else await notifyIfWaitlistForming(req, settled.item, settled.enrollmentId)
}

/** After the commit (or rollback) that released the lock: how long it was waited for and held. */
export function observeSeatLock(req: PayloadRequest): void {
  const state = stateOf(req)
  if (state?.timings) {
    seatLockWait.observe({ item: state.timings.itemType }, state.timings.waitedSeconds)
    seatLockHeld.observe({ item: state.timings.itemType }, state.timings.heldSeconds)
    state.timings = undefined
    return
  }
  if (!state?.lockGrantedAt || state.lockAskedAt === undefined) return
  const labels = { item: state.itemType ?? 'unknown' }
  seatLockWait.observe(labels, (state.lockGrantedAt - state.lockAskedAt) / 1000)
  seatLockHeld.observe(labels, (performance.now() - state.lockGrantedAt) / 1000)
  state.lockAskedAt = state.lockGrantedAt = undefined
}
