import type { FieldAccess, PayloadRequest } from 'payload'

import { checkRole } from './checkRole'
import type { TaughtItems } from './itemsTaughtBy'
import { STAFF_ROLES } from './roles'

type ItemCollection = keyof TaughtItems

/** The webinars and courses the caller holds a confirmed seat in (waitlisted, pending or cancelled rows do not count). */
async function confirmedItemsOf(req: PayloadRequest): Promise<TaughtItems> {
  const { docs } = await req.payload.find({
    collection: 'enrollments',
    where: { and: [{ user: { equals: req.user!.id } }, { status: { equals: 'confirmed' } }] },
    select: { item: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const items: TaughtItems = { webinars: [], courses: [] }
  for (const { item } of docs) {
    const id = Number(typeof item?.value === 'object' && item.value ? item.value.id : item?.value)
    if (item && (item.relationTo === 'webinars' || item.relationTo === 'courses') && Number.isSafeInteger(id)) items[item.relationTo].push(id)
  }
  return items
}

/** Field rules run once per field per document (a list, a populated relation, a GraphQL query): one lookup per request. */
const confirmedPerRequest = new WeakMap<PayloadRequest, Promise<TaughtItems>>()
const confirmedItemsPerRequest = (req: PayloadRequest): Promise<TaughtItems> => {
  let items = confirmedPerRequest.get(req)
  if (!items) {
    items = confirmedItemsOf(req)
    confirmedPerRequest.set(req, items)
  }
  return items
}

/**
 * Read access for what only the people taking part may see (a webinar's or a course session's
 * `meetingLink`): staff, and a user with a confirmed enrollment in that very webinar or course.
 * Anonymous callers, students of other items and people on the waiting list get nothing, on REST,
 * GraphQL and through populated relations alike. Without a document (a `where` or `sort` on the
 * field) only staff pass, so nobody can probe the value by filtering.
 */
export const staffOrEnrolledIn =
  (collection: ItemCollection): FieldAccess =>
  async ({ req, doc }) => {
    if (checkRole(STAFF_ROLES, req.user)) return true
    const id = Number(doc?.id)
    if (!req.user || !Number.isSafeInteger(id)) return false
    return (await confirmedItemsPerRequest(req))[collection].includes(id)
  }
