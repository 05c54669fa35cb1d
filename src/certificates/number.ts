import type { PayloadRequest } from 'payload'

import { nextCounterNumber } from '../db/counters'

/** `AULA-2026-000123`: the year it was issued in the business's zone and its place in that year. */
export const formatCertificateNumber = (year: number, sequence: number) => `AULA-${year}-${String(sequence).padStart(6, '0')}`

/**
 * The next number of `year`, taken inside the caller's transaction (src/db/counters.ts: no gaps, no
 * duplicates; docs/decisions/0015-certificate-numbers.md). Call it late: the lock is held until commit.
 */
export async function nextCertificateNumber(req: PayloadRequest, year: number): Promise<string> {
  return formatCertificateNumber(year, await nextCounterNumber(req, 'certificate_counters', { year }))
}
