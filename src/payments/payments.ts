import { APIError, type PayloadRequest } from 'payload'

import { sql, sqlFor } from '../enrollment/transaction'
import type { Payment } from '../payload-types'

/**
 * Locks a payment's row for the rest of the transaction and returns it. Lock order for payments:
 * the payment row first, then (through the engine) the item row, then the enrollment, so the webhook
 * and the hold-expiry job can never deadlock on one payment.
 */
export async function lockPayment(req: PayloadRequest, id: number): Promise<Payment | null> {
  const db = await sqlFor(req)
  const { rows } = await db.execute(sql`SELECT id FROM payments WHERE id = ${id} FOR UPDATE`)
  if (!rows[0]) return null
  return req.payload.findByID({ collection: 'payments', id, req, depth: 0, overrideAccess: true })
}

export const relationId = (value: unknown): number | null =>
  value === null || value === undefined ? null : typeof value === 'object' ? Number((value as { id: number }).id) : Number(value)

/** The payment of an enrollment (one per enrollment), or null. */
export async function paymentOfEnrollment(req: PayloadRequest, enrollmentId: number): Promise<Payment | null> {
  const { docs } = await req.payload.find({
    collection: 'payments',
    where: { enrollment: { equals: enrollmentId } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
  })
  return docs[0] ?? null
}

/** System writes to a payment (webhooks, jobs, staff actions already authorised): no access rules, no population. */
export const updatePayment = (req: PayloadRequest, payment: Pick<Payment, 'id'> | number, data: Partial<Payment>) =>
  req.payload.update({ collection: 'payments', id: typeof payment === 'number' ? payment : payment.id, req, overrideAccess: true, depth: 0, data })

/** The same for the enrollments a payment settles, refunds or fails. */
export const updateEnrollment = (req: PayloadRequest, id: number, data: Record<string, unknown>) =>
  req.payload.update({ collection: 'enrollments', id, req, overrideAccess: true, depth: 0, data })

/** A Checkout Session that could not be created leaves its payment expired, with the reason staff read. */
export const expireUnopenedCheckout = (req: PayloadRequest, paymentId: number) =>
  updatePayment(req, paymentId, { status: 'expired', failureMessage: 'Stripe could not create the Checkout Session.' })

export const paymentNotFound = () => new APIError('Not Found', 404, undefined, true)
