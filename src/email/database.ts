import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

type Drizzle = PostgresAdapter['drizzle']

/**
 * The drizzle handle for raw statements: the caller's open transaction when `req` has one (so a
 * rollback takes our rows with it), else the pool. Payload keeps transactions in `db.sessions`.
 */
export async function drizzleFor(req: Pick<PayloadRequest, 'payload' | 'transactionID'>): Promise<Drizzle> {
  const adapter = req.payload.db as unknown as PostgresAdapter
  const transactionID = req.transactionID ? await req.transactionID : undefined
  const session = transactionID !== undefined ? adapter.sessions?.[transactionID] : undefined
  return (session?.db as Drizzle | undefined) ?? adapter.drizzle
}

/** The pool, outside any transaction: claims must be visible to other workers the moment they happen. */
export const poolDrizzle = (payload: Payload): Drizzle => (payload.db as unknown as PostgresAdapter).drizzle

export const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[])) as T[]
