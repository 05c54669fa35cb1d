import { sql } from '@payloadcms/db-postgres/drizzle'
import { escapeLiteral } from 'pg'
import type { PayloadRequest } from 'payload'

import { drizzleFor, poolDrizzle } from '../email/database'
import { getClock } from '../utilities/clock'
import { actorOf, originOf } from './actor'
import { redactChanges } from './secrets'
import type { AuditEntryInput } from './types'

export type { ActorKind, AuditAction, AuditActor, AuditChange, AuditEntryInput } from './types'
export { AUDIT_ACTIONS, ACTOR_KINDS } from './types'

/** `AULA_AUDIT_LOG=off` (bench only, see docs/audit.md) switches recording off to measure what it costs. */
export const auditLogEnabled = (req: Pick<PayloadRequest, 'payload'>): boolean => req.payload.config.custom?.auditLog !== false

/**
 * Writes one audit entry: a single INSERT through the caller's transaction (like queueEmail), so
 * the entry commits with the change and a rollback leaves none. No reads: the actor comes from
 * `req` or the job context, the time from the app clock. Secrets are dropped here too, whoever calls.
 */
export async function recordAudit(req: PayloadRequest, entry: AuditEntryInput, options: { outsideTransaction?: boolean } = {}): Promise<void> {
  if (!auditLogEnabled(req)) return
  // Only for what happens after the caller's transaction is gone (a refused login rolled back its own).
  const db = options.outsideTransaction ? poolDrizzle(req.payload) : await drizzleFor(req)
  const actor = entry.actor ?? actorOf(req)
  const { ip, userAgent } = originOf(req)
  const now = getClock(req.payload).now()
  const changes = entry.changes ? redactChanges(entry.changes) : null
  const documentId = entry.documentId === undefined || entry.documentId === null ? null : String(entry.documentId)
  const row: AuditRow = [entry.action, actor.kind, actor.userId ?? null, actor.label?.slice(0, 200) ?? null, entry.collectionSlug, documentId,
    entry.personId ?? null, changes ? JSON.stringify(changes) : null, ip, userAgent, now, now]
  const deferred = options.outsideTransaction ? undefined : deferredOf(req)
  if (deferred) return void deferred.push(row)
  await db.execute(sql`${sql.raw(INSERT)} VALUES ${valuesOf(row)}`)
}

/** One entry's columns, in INSERT's order (`changes` as JSON text). */
type AuditRow = [unknown, unknown, unknown, unknown, unknown, unknown, unknown, string | null, unknown, unknown, Date, Date]

const INSERT = 'INSERT INTO audit_log (action, actor_kind, actor_id, actor_label, collection_slug, document_id, person_id, changes, ip, user_agent, updated_at, created_at)'
const valuesOf = (row: AuditRow) => sql`(${sql.join(row.map((value, index) => (index === 7 ? sql`${value}::jsonb` : sql`${value}`)), sql`, `)})`
const DEFERRED = 'auditEntriesDeferred'
const deferredOf = (req: PayloadRequest) => req.context[DEFERRED] as AuditRow[] | undefined

/**
 * Until the entries are taken, those recorded on `req` inside its transaction are kept and then written by
 * ONE statement, in the order recorded: a registration records two (the new account, the enrollment), and
 * each statement is a round trip (src/enrollment/register.ts). Whoever defers must write them before the
 * commit (`flushAuditEntries`, or `takeDeferredAuditStatement` into its own last round trip), or discard
 * them on a rollback (they belonged to it).
 */
export function deferAuditEntries(req: PayloadRequest): void {
  req.context[DEFERRED] = []
}

export async function flushAuditEntries(req: PayloadRequest): Promise<void> {
  const entries = deferredOf(req)
  req.context[DEFERRED] = undefined
  if (!entries?.length) return
  await (await drizzleFor(req)).execute(sql`${sql.raw(INSERT)} VALUES ${sql.join(entries.map(valuesOf), sql`, `)}`)
}

/**
 * The deferred entries as one INSERT with its values written out (pg's own literal escaping), for a
 * statement sent by the simple protocol, which takes no parameters: the seat's settlement sends it in
 * the same round trip as the lock and the COMMIT (src/enrollment/seatAtCommit.ts). Null when there are none.
 */
export function takeDeferredAuditStatement(req: PayloadRequest): string | null {
  const entries = deferredOf(req)
  req.context[DEFERRED] = undefined
  if (!entries?.length) return null
  const rows = entries.map((row) => `(${row.map((value, index) => literal(value) + (index === 7 ? '::jsonb' : index >= 10 ? '::timestamptz' : '')).join(', ')})`)
  return `${INSERT} VALUES ${rows.join(', ')}`
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL'
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('An audit entry holds a number that is not finite')
    return String(value)
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) return escapeLiteral(value.toISOString())
  return escapeLiteral(String(value))
}

export function discardDeferredAuditEntries(req: PayloadRequest): void {
  req.context[DEFERRED] = undefined
}
