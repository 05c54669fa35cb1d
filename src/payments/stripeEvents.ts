import { APIError, ValidationError, type PayloadRequest } from 'payload'
import type Stripe from 'stripe'

import { inTransaction, sql, sqlFor } from '../enrollment/transaction'
import { getClock } from '../utilities/clock'
import { applyEvent } from './events'
import { updatePayment } from './payments'

/**
 * Records a verified event once, by its id, and queues its processing in the same transaction:
 * once the webhook answers 2xx the event is durable and will be applied (with retries). Returns
 * false for an event already recorded (a replay), which changes nothing.
 */
export async function recordEvent(req: PayloadRequest, event: Stripe.Event): Promise<boolean> {
  if (await isRecorded(req, event.id)) return false
  try {
    await inTransaction(req, async () => {
      await req.payload.create({
        collection: 'stripe-events',
        req,
        overrideAccess: true,
        depth: 0,
        data: { eventId: event.id, type: event.type, livemode: event.livemode, status: 'received', payload: event as unknown as Record<string, unknown> },
      })
      await req.payload.jobs.queue({ task: 'processStripeEvent', input: { eventId: event.id }, req })
    })
    return true
  } catch (error) {
    // Stripe delivered the same event twice at once: the unique eventId let one of them in.
    const clash = error instanceof ValidationError && (error.data?.errors ?? []).some((problem: { path?: string }) => problem.path === 'eventId')
    if (clash) return false
    throw error
  }
}

async function isRecorded(req: PayloadRequest, eventId: string) {
  const { totalDocs } = await req.payload.count({ collection: 'stripe-events', where: { eventId: { equals: eventId } }, overrideAccess: true, req })
  return totalDocs > 0
}

/**
 * Applies a recorded event, exactly once: the event row is locked and its status checked, and the
 * changes and the "processed" mark commit together. A failure rolls everything back and the job retries.
 */
export async function processEvent(req: PayloadRequest, eventId: string): Promise<string> {
  return inTransaction(req, async () => {
    const db = await sqlFor(req)
    const { rows } = await db.execute(sql`SELECT id, status FROM stripe_events WHERE event_id = ${eventId} FOR UPDATE`)
    if (!rows[0]) throw new APIError(`Stripe event ${eventId} was never recorded.`, 404, undefined, true)
    if (rows[0].status !== 'received') return `already ${rows[0].status}`
    const id = Number(rows[0].id)
    const record = await req.payload.findByID({ collection: 'stripe-events', id, req, depth: 0, overrideAccess: true })
    const event = record.payload as unknown as Stripe.Event
    const result = await applyEvent(req, event)
    if (result.paymentId) await notePaymentEvent(req, result.paymentId, { eventId, type: event.type, outcome: result.outcome })
    await req.payload.update({
      collection: 'stripe-events',
      id,
      req,
      overrideAccess: true,
      depth: 0,
      data: { status: result.status, outcome: result.outcome, payment: result.paymentId, processedAt: getClock(req.payload).now().toISOString() },
    })
    return result.outcome
  })
}

/** The payment keeps the list of Stripe events that touched it. */
async function notePaymentEvent(req: PayloadRequest, paymentId: number, entry: { eventId: string; type: string; outcome: string }) {
  const payment = await req.payload.findByID({ collection: 'payments', id: paymentId, req, depth: 0, overrideAccess: true, select: { stripeEvents: true } })
  const events = (payment.stripeEvents ?? []).map(({ eventId, type, outcome }) => ({ eventId, type, outcome }))
  await updatePayment(req, paymentId, { stripeEvents: [...events, { ...entry, outcome: entry.outcome.slice(0, 500) }] })
}
