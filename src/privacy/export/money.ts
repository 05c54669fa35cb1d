import type { PayloadRequest, Where } from 'payload'

import { receiptPdfBytes } from '../../commerce/receipts/pdf'
import type { ReceiptDoc } from '../../commerce/receipts/types'
import { idOf } from '../../crm/ids'
import { itemNamer } from './itemTitles'
import type { Doc, ExportFile } from './types'
import { withoutSecrets } from './withoutSecrets'

const all = { pagination: false, depth: 0, overrideAccess: true, sort: 'createdAt' } as const

const ids = (rows: Doc[]) => rows.map((row) => idOf(row.id)).filter((id): id is number => id !== null)
const anyOf = (clauses: Array<Where | null>): Where | null => {
  const present = clauses.filter((clause): clause is Where => clause !== null)
  return present.length ? { or: present } : null
}

/** A receipt's PDF is named by its number (`B-2026-000042.pdf`). */
export const receiptFileName = (number: unknown) => `${String(number).replace(/[^A-Za-z0-9-]/g, '') || 'recibo'}.pdf`

/**
 * Group bookings they bought, payments they made (their own, their bookings', their enrollments'),
 * and receipts and credit notes of those payments, each with its PDF drawn from the frozen snapshot.
 */
export async function moneyOf(req: PayloadRequest, userId: number | null, addresses: string[], enrollmentIds: number[]) {
  const find = async (collection: 'bookings' | 'payments' | 'receipts', where: Where | null) =>
    where ? ((await req.payload.find({ collection, where, ...all, req })).docs as Doc[]) : []
  const bookings = await find(
    'bookings',
    anyOf([userId !== null ? { buyer: { equals: userId } } : null, addresses.length ? { buyerEmail: { in: addresses } } : null]),
  )
  const bookingIds = ids(bookings)
  const payments = await find(
    'payments',
    anyOf([
      userId !== null ? { user: { equals: userId } } : null,
      bookingIds.length ? { booking: { in: bookingIds } } : null,
      enrollmentIds.length ? { enrollment: { in: enrollmentIds } } : null,
    ]),
  )
  const paymentIds = ids(payments)
  const receipts = await find(
    'receipts',
    anyOf([
      userId !== null ? { user: { equals: userId } } : null,
      userId !== null ? { buyerUser: { equals: userId } } : null,
      paymentIds.length ? { payment: { in: paymentIds } } : null,
    ]),
  )
  const itemOf = await itemNamer(req, bookings)
  const files: ExportFile[] = []
  for (const receipt of receipts) files.push({ name: `recibos/${receiptFileName(receipt.number)}`, bytes: await receiptPdfBytes(receipt as unknown as ReceiptDoc) })
  return {
    bookings: bookings.map((booking) => withoutSecrets({ ...booking, item: itemOf(booking.item) })),
    payments: payments.map(withoutSecrets),
    receipts: receipts.map(withoutSecrets),
    files,
  }
}
