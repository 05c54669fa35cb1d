import { APIError, type PayloadRequest } from 'payload'

import { courseBegins } from '../../enrollment/items'
import type { ItemCollection } from '../../enrollment/statuses'
import type { Payment } from '../../payload-types'
import { relationId } from '../../payments/payments'
import { getBusinessSettings } from '../../settings/businessSettings'

/** The webinar or course a payment is for, as the bank-transfer rules and email need it. */
export interface TransferItem {
  collection: ItemCollection
  id: number
  title: string
  slug: string | null
  allowBankTransfer: boolean
  /** Empty on the item: the billing settings decide. */
  bankTransferHoldDays: number | null
  startsAt: Date | null
  /** The item's own zone (a webinar's `startsAt_tz`, a course's `timezone`), else the business's. */
  timezone: string
}

export async function readTransferItem(req: PayloadRequest, collection: ItemCollection, id: number): Promise<TransferItem | null> {
  const item = (await req.payload.findByID({ collection, id, req, depth: 0, overrideAccess: true, disableErrors: true, trash: true })) as Record<string, any> | null
  if (!item) return null
  // A course begins at its first class (or its start day's first minute), not at the stored day's noon UTC.
  const startsAt = collection === 'webinars' ? (item.startsAt ? new Date(item.startsAt) : null) : await courseBegins(req, id, { startDate: item.startDate, timezone: item.timezone })
  const days = Number(item.bankTransferHoldDays)
  return {
    collection,
    id,
    title: String(item.title ?? ''),
    slug: item.slug ?? null,
    allowBankTransfer: item.allowBankTransfer === true,
    bankTransferHoldDays: Number.isFinite(days) && days >= 1 ? days : null,
    startsAt,
    timezone: item.timezone || item.startsAt_tz || (await getBusinessSettings(req.payload, req)).timezone,
  }
}

/** The item of a payment, through the enrollment it points at (a group's first attendee's: same item). */
export async function transferItemOf(req: PayloadRequest, payment: Payment): Promise<TransferItem> {
  const enrollment = await req.payload.findByID({ collection: 'enrollments', id: relationId(payment.enrollment)!, req, depth: 0, overrideAccess: true })
  const ref = enrollment.item as { relationTo: ItemCollection; value: unknown }
  const item = await readTransferItem(req, ref.relationTo, relationId(ref.value)!)
  if (!item) throw new APIError(`The item of payment ${payment.id} no longer exists.`, 409, undefined, true)
  return item
}
