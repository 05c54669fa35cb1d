import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

import { statementsFor, type StatementRunner } from '../db/rawStatements'

type Drizzle = PostgresAdapter['drizzle']

/**
 * Runs raw statements on the caller's open transaction when `req` has one (so a rollback takes our rows
 * with it), else the pool (src/db/rawStatements.ts).
 */
export const drizzleFor = (req: Pick<PayloadRequest, 'payload' | 'transactionID'>): Promise<StatementRunner> => statementsFor(req)

/** The pool, outside any transaction: claims must be visible to other workers the moment they happen. */
export const poolDrizzle = (payload: Payload): Drizzle => (payload.db as unknown as PostgresAdapter).drizzle

export const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[])) as T[]
