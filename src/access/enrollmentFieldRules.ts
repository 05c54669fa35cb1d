import type { FieldAccess, PayloadRequest } from 'payload'

import { checkRole } from './checkRole'
import { itemsTaughtBy, type TaughtItems } from './itemsTaughtBy'

/**
 * Who may change which part of an enrollment (docs/api-enrollment.md, "Who can see and change
 * enrollments"). Row access lets an instructor update their participants' rows and a student
 * their own; these field rules decide what inside the row each of them may write. A field a
 * caller may not write is dropped from the update (Payload's rule), so the stored value stays.
 */

const idOf = (value: unknown): number | null => {
  const raw = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : value
  const id = Number(raw)
  return raw === null || raw === undefined || raw === '' || !Number.isSafeInteger(id) ? null : id
}

/** Field rules run once per field per document: look the caller's items up once per request. */
const taughtPerRequest = new WeakMap<PayloadRequest, Promise<TaughtItems>>()
const taughtItemsOf = (req: PayloadRequest): Promise<TaughtItems> => {
  let taught = taughtPerRequest.get(req)
  if (!taught) {
    taught = itemsTaughtBy(req, req.user!.id)
    taughtPerRequest.set(req, taught)
  }
  return taught
}

/**
 * Attendance and completion: an admin, or an instructor of the enrollment's own webinar or course
 * (not of their own enrollment in someone else's item, and never the participant themselves).
 */
export const teacherOfItemOrAdmin: FieldAccess = async ({ req, doc }) => {
  if (checkRole(['admin'], req.user)) return true
  if (!req.user || !checkRole(['instructor'], req.user) || !doc) return false
  const item = doc.item as { relationTo?: string; value?: unknown } | undefined
  const itemId = idOf(item?.value)
  if (!itemId || (item?.relationTo !== 'webinars' && item?.relationTo !== 'courses')) return false
  return (await taughtItemsOf(req))[item.relationTo].includes(itemId)
}
