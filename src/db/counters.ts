import { sql, sqlFor } from '../enrollment/transaction'
import type { PayloadRequest } from 'payload'

/** The counter tables numbered documents draw from (each has `last_number` and a unique index on its key columns). */
type CounterTable = 'certificate_counters' | 'receipt_counters'

/**
 * The next number of the counter row `key` (e.g. `{ year: 2026 }`, `{ series: 'B', year: 2026 }`), taken
 * inside the caller's transaction. The upsert locks that row until the transaction ends, so concurrent
 * issuers queue behind it and each reads the number the previous one committed; a rolled-back issue
 * gives its number back. Hence no duplicates and no gaps (docs/decisions/0015-certificate-numbers.md,
 * 0020-receipts.md). Call it late: the row stays locked until commit.
 */
export async function nextCounterNumber(req: PayloadRequest, table: CounterTable, key: Record<string, string | number>): Promise<number> {
  const db = await sqlFor(req)
  const columns = Object.keys(key).map((column) => sql.identifier(column))
  const values = Object.values(key).map((value) => sql`${value}`)
  const counter = sql.identifier(table)
  const { rows } = await db.execute(sql`
    INSERT INTO ${counter} (${sql.join(columns, sql`, `)}, last_number, updated_at, created_at)
    VALUES (${sql.join(values, sql`, `)}, 1, now(), now())
    ON CONFLICT (${sql.join(columns, sql`, `)}) DO UPDATE SET last_number = ${counter}.last_number + 1, updated_at = now()
    RETURNING last_number`)
  return Number(rows[0].last_number)
}
