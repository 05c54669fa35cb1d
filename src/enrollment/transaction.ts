import { sql } from '@payloadcms/db-postgres/drizzle'
import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

import { clientOf, statementRunner } from '../db/rawStatements'

type SqlRunner = { execute: (query: ReturnType<typeof sql>) => Promise<{ rows: Record<string, unknown>[] }> }

/** Runs statements on the request's open transaction (or the pool outside one), built without drizzle (src/db/rawStatements.ts). */
export async function sqlFor(req: PayloadRequest): Promise<SqlRunner> {
  const db = req.payload.db as unknown as { sessions?: Record<string, { db: SqlRunner }>; drizzle: SqlRunner }
  const id = await req.transactionID
  const handle = (id !== undefined && db.sessions?.[String(id)]?.db) || db.drizzle
  const client = clientOf(handle)
  return client ? statementRunner(client, handle) : handle
}

/**
 * Runs `work` in one database transaction on `req` (Payload opens none around custom endpoints).
 * Everything the work does through `req` commits together or not at all.
 */
export async function inTransaction<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const startedHere = await initTransaction(req)
  try {
    const result = await work()
    if (startedHere) await commitTransaction(req)
    return result
  } catch (error) {
    if (startedHere) await killTransaction(req)
    throw error
  }
}

export { sql }
