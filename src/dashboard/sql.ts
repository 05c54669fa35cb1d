import { sql, type SQL } from '@payloadcms/db-postgres/drizzle'
import type { Payload } from 'payload'

import type { TaughtItems } from '../access/itemsTaughtBy'

type Runner = { execute: (query: SQL) => Promise<{ rows: Record<string, unknown>[] }> }

/** Runs one aggregate statement on the pool (the dashboard reads outside any transaction). */
export async function runSql<Row = Record<string, unknown>>(payload: Payload, query: SQL): Promise<Row[]> {
  const { rows } = await (payload.db as unknown as { drizzle: Runner }).drizzle.execute(query)
  return rows as Row[]
}

/** `now` as a SQL timestamp parameter: every widget asks the injected clock, never `now()`. */
export const at = (date: Date) => sql`${date.toISOString()}::timestamptz`

/** A Postgres int[] literal (an empty list is `{}`, which `= ANY` matches nothing against). */
const intArray = (ids: number[]) => sql`${`{${ids.map(Number).join(',')}}`}::int[]`

/**
 * The enrollments an item filter allows, as a condition on an `enrollments_rels` row aliased `r`
 * (the polymorphic `item` relationship). `null` means every item.
 */
export const itemCondition = (items: TaughtItems | null, rels = sql.raw('r')): SQL =>
  items
    ? sql`(${rels}.webinars_id = ANY(${intArray(items.webinars)}) OR ${rels}.courses_id = ANY(${intArray(items.courses)}))`
    : sql`TRUE`

/** The same filter on an item row of `collection`, aliased `alias`. */
export const ownItemCondition = (items: TaughtItems | null, collection: 'webinars' | 'courses', alias: string): SQL =>
  items ? sql`${sql.raw(alias)}.id = ANY(${intArray(items[collection])})` : sql`TRUE`

export const toNumber = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value))

export { sql }
