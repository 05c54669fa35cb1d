import { sql, sqlFor } from '../enrollment/transaction'
import type { PayloadRequest } from 'payload'

/** `AULA-2026-000123`: the year it was issued in the business's zone and its place in that year. */
export const formatCertificateNumber = (year: number, sequence: number) => `AULA-${year}-${String(sequence).padStart(6, '0')}`

/**
 * The next number of `year`, taken inside the caller's transaction. The upsert locks the year's row
 * until that transaction ends, so concurrent issuers queue behind it and each reads the number the
 * previous one committed; a rolled-back issue gives its number back. Hence no duplicates and no gaps
 * (docs/decisions/0015-certificate-numbers.md). Call it late: the lock is held until commit.
 */
export async function nextCertificateNumber(req: PayloadRequest, year: number): Promise<string> {
  const db = await sqlFor(req)
  const { rows } = await db.execute(sql`
    INSERT INTO certificate_counters (year, last_number, updated_at, created_at)
    VALUES (${year}, 1, now(), now())
    ON CONFLICT (year) DO UPDATE SET last_number = certificate_counters.last_number + 1, updated_at = now()
    RETURNING last_number`)
  return formatCertificateNumber(year, Number(rows[0].last_number))
}
