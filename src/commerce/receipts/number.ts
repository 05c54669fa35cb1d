import type { PayloadRequest } from 'payload'

import { nextCounterNumber } from '../../db/counters'

/** Receipts are series `B`, credit notes `NC`: each numbered on its own, year by year. */
export const RECEIPT_SERIES = { receipt: 'B', credit_note: 'NC' } as const
export type ReceiptSeriesKind = keyof typeof RECEIPT_SERIES

/** `B-2026-000042`: the series, the year of issue in the business's zone and its place in that year. */
export const formatReceiptNumber = (kind: ReceiptSeriesKind, year: number, sequence: number) =>
  `${RECEIPT_SERIES[kind]}-${year}-${String(sequence).padStart(6, '0')}`

/**
 * The next receipt or credit-note number of `year`, taken in the payment's transaction: no gaps, no
 * duplicates, and a rolled-back payment gives its number back (src/db/counters.ts). Call it last
 * before writing the receipt: the series row stays locked until the payment's transaction commits.
 */
export async function nextReceiptNumber(req: PayloadRequest, kind: ReceiptSeriesKind, year: number): Promise<string> {
  return formatReceiptNumber(kind, year, await nextCounterNumber(req, 'receipt_counters', { series: RECEIPT_SERIES[kind], year }))
}
