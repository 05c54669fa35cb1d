import { randomBytes } from 'node:crypto'
import { sql } from '@payloadcms/db-postgres/drizzle'
import type { CollectionSlug, PayloadRequest } from 'payload'

import { drizzleFor, rowsOf } from '../../email/database'
import { getClock } from '../../utilities/clock'
import type { WebhookEvent } from '../events'
import { queueDeliveryJob } from './queueJob'
import { webhooksSubscribedTo } from './subscriptions'

export interface WebhookEventInput {
  type: WebhookEvent
  collection: CollectionSlug
  id: number | string
  /**
   * Trailing window: while a delivery of this event for this document is still waiting for its first
   * attempt, nothing new is queued (that one will carry the latest state); otherwise the new one waits this long.
   */
  groupForSeconds?: number
}

/** Stripe's shape (`evt_…`); the same id on every retry and redelivery of one event. */
const newEventId = () => `evt_${randomBytes(16).toString('hex')}`

/**
 * Queues `event` for every active webhook subscribed to it, in `req`'s transaction: the delivery rows
 * and their jobs commit with the change, so a rolled-back change sends nothing and a job never runs
 * before the change is visible. With no webhook subscribed it runs no SQL at all (see subscriptions.ts).
 */
export async function enqueueWebhookEvent(req: PayloadRequest, event: WebhookEventInput): Promise<void> {
  const webhookIds = await webhooksSubscribedTo(req, event.type)
  if (webhookIds.length === 0) return
  const now = getClock(req.payload).now()
  for (const webhookId of webhookIds) {
    const queued = event.groupForSeconds ? await insertGrouped(req, webhookId, event, now) : await insertDelivery(req, webhookId, event, now)
    if (queued) await queueDeliveryJob(req, queued.id, queued.dueAt)
  }
}

type Queued = { id: number; dueAt: Date } | null

async function insertDelivery(req: PayloadRequest, webhookId: number, event: WebhookEventInput, now: Date, dueAt = now): Promise<Queued> {
  const db = await drizzleFor(req)
  const rows = rowsOf<{ id: number }>(
    await db.execute(sql`
      INSERT INTO webhook_deliveries (webhook_id, event_id, event_type, document_collection, document_id, status, attempts, next_attempt_at, updated_at, created_at)
      VALUES (${webhookId}, ${newEventId()}, ${event.type}, ${event.collection}, ${String(event.id)}, 'pending', 0, ${dueAt}, ${now}, ${now})
      RETURNING id`),
  )
  return { id: Number(rows[0].id), dueAt }
}

/**
 * One transaction at a time per webhook, event and document (an advisory lock held to commit), so
 * two saves at the same moment cannot both find no waiting delivery and queue two.
 */
async function insertGrouped(req: PayloadRequest, webhookId: number, event: WebhookEventInput, now: Date): Promise<Queued> {
  const db = await drizzleFor(req)
  const documentId = String(event.id)
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`webhook-group:${webhookId}:${event.type}:${event.collection}:${documentId}`}, 0))`)
  const waiting = rowsOf<{ id: number }>(
    await db.execute(sql`
      SELECT id FROM webhook_deliveries
       WHERE webhook_id = ${webhookId} AND event_type = ${event.type} AND document_collection = ${event.collection}
         AND document_id = ${documentId} AND status = 'pending' AND attempts = 0
       LIMIT 1`),
  )
  if (waiting.length) return null
  return insertDelivery(req, webhookId, event, now, new Date(now.getTime() + (event.groupForSeconds ?? 0) * 1000))
}
