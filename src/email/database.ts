import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

import { clientOf, statementRunner, type StatementRunner } from '../db/rawStatements'

type Drizzle = PostgresAdapter['drizzle']

/**
 * Runs raw statements on the caller's open transaction when `req` has one (so a
 * rollback takes our rows with it), else the pool. Payload keeps transactions in `db.sessions`.
 */
export async function drizzleFor(req: Pick<PayloadRequest, 'payload' | 'transactionID'>): Promise<StatementRunner> {
  const adapter = req.payload.db as unknown as PostgresAdapter
  const transactionID = req.transactionID ? await req.transactionID : undefined
  const session = transactionID !== undefined ? adapter.sessions?.[transactionID] : undefined
  const handle = (session?.db as Drizzle | undefined) ?? adapter.drizzle
  // Built without drizzle's query building (src/db/rawStatements.ts); drizzle's own answer and errors.
  const client = clientOf(handle)
  return client ? statementRunner(client, handle as never) : (handle as unknown as StatementRunner)
}

/** The pool, outside any transaction: claims must be visible to other workers the moment they happen. */
export const poolDrizzle = (payload: Payload): Drizzle => (payload.db as unknown as PostgresAdapter).drizzle

export const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[])) as T[]
