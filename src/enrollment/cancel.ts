import { APIError, NotFound, type PayloadRequest } from 'payload'

import { checkRole } from '../access'

import { lockAnyItem } from './items'
import type { ItemCollection } from './statuses'
import { inTransaction, sql, sqlFor } from './transaction'

/**
 * Ends an enrollment (`cancelled`, or `refunded` when money went back). The status update runs the
 * enrollments hooks, which free the seat and promote the waitlist in this same transaction.
 */
export async function endEnrollment(
  req: PayloadRequest,
  id: number,
  { reason, status = 'cancelled' }: { reason?: string; status?: 'cancelled' | 'refunded' } = {},
): Promise<Record<string, unknown>> {
  return inTransaction(req, async () => {
    const db = await sqlFor(req)
    // Lock order everywhere: the item row first, then enrollments, so a cancellation and a
    // promotion on the same item can never deadlock.
    const item = await itemOf(req, id)
    if (item) await lockAnyItem(req, item.collection, item.id)
    const { rows } = await db.execute(sql`SELECT status FROM enrollments WHERE id = ${id} FOR UPDATE`)
    if (!rows[0]) throw new NotFound(req.t)
    const current = String(rows[0].status)
    if (current === 'cancelled' || current === 'refunded') {
      throw new APIError(`This enrollment is already ${current}.`, 409, undefined, true)
    }
    const enrollment = await req.payload.update({
      collection: 'enrollments',
      id,
      req,
      overrideAccess: true,
      depth: 0,
      data: { status, cancellationReason: reason },
    })
    return enrollment as unknown as Record<string, unknown>
  })
}

/** The webinar or course an enrollment is for. */
export async function itemOf(req: PayloadRequest, enrollmentId: number): Promise<{ collection: ItemCollection; id: number } | null> {
  const db = await sqlFor(req)
  const { rows } = await db.execute(sql`
    SELECT webinars_id, courses_id FROM enrollments_rels WHERE parent_id = ${enrollmentId} AND path = 'item' LIMIT 1`)
  const row = rows[0]
  if (!row) return null
  return row.webinars_id ? { collection: 'webinars', id: Number(row.webinars_id) } : { collection: 'courses', id: Number(row.courses_id) }
}

/** Staff who may cancel anyone's enrollment. */
const CANCELS_ANY = ['admin', 'editor', 'sales'] as const

/** Cancellation on behalf of the caller: the owner or staff; anyone else is told the enrollment does not exist. */
export async function cancelAsCaller(req: PayloadRequest, id: number, reason?: string): Promise<Record<string, unknown>> {
  if (!req.user) throw new APIError('Log in to cancel an enrollment.', 401, undefined, true)
  const enrollment = await req.payload.findByID({ collection: 'enrollments', id, depth: 0, overrideAccess: true, disableErrors: true })
  const ownerId = enrollment && (typeof enrollment.user === 'object' ? enrollment.user?.id : enrollment.user)
  if (!enrollment || (ownerId !== req.user.id && !checkRole([...CANCELS_ANY], req.user))) {
    throw new APIError('Not Found', 404, undefined, true)
  }
  return endEnrollment(req, id, { reason })
}

/**
 * An enrollment as the caller may read it (collection and field read access applied), for answers:
 * the service functions above work with every field, hidden keys included.
 */
export async function readAsCaller(req: PayloadRequest, id: number): Promise<Record<string, unknown>> {
  const doc = await req.payload.findByID({ collection: 'enrollments', id, req, depth: 0, overrideAccess: false, disableErrors: true })
  if (!doc) throw new APIError('Not Found', 404, undefined, true)
  return doc as unknown as Record<string, unknown>
}
