import { sql } from '@payloadcms/db-postgres/drizzle'
import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

import { statementsFor } from '../db/rawStatements'

/** Runs statements on the request's open transaction (or the pool outside one), built without drizzle (src/db/rawStatements.ts). */
export const sqlFor = (req: PayloadRequest) => statementsFor(req)

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
