import { randomBytes } from 'node:crypto'
import { sql } from '@payloadcms/db-postgres/drizzle'
import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import { drizzleFor, poolDrizzle, rowsOf } from '../../email/database'
import { STALE_JOB_CLAIM_MS } from '../../jobs/runner/claimDueJobs'
import type { WebhookEvent } from '../events'
import type { ReceiverRole, WebhookEventBody } from './snapshot'
import type { DeliveryStatus } from './statuses'

export interface ClaimedDelivery {
  id: number
  webhookId: number
  eventId: string
  eventType: WebhookEvent
  documentCollection: CollectionSlug
  documentId: string
  body: WebhookEventBody | null
  /** This attempt's number (1 for the first). */
  attempt: number
  firstAttemptAt: Date
  createdAt: Date
  url: string
  receiverRole: ReceiverRole
}

/**
 * Takes the delivery for one attempt, or returns null when it is not this job's to make: another
 * worker has it, it is done, its webhook is off, it is not due by the app clock, or its time was moved
 * (a redelivery) and another job owns the new one. One conditional UPDATE, like the email claim
 * (docs/decisions/0003): a job run twice still makes one attempt. A claim older than the job runner's
 * stale rule belongs to a dead worker and is taken again.
 */
export async function claimDelivery(payload: Payload, id: number, dueAt: Date, now: Date): Promise<ClaimedDelivery | null> {
  const staleBefore = new Date(now.getTime() - STALE_JOB_CLAIM_MS)
  const rows = rowsOf<Record<string, unknown>>(
    await poolDrizzle(payload).execute(sql`
      UPDATE webhook_deliveries d
         SET status = 'sending', claimed_at = ${now}, attempts = d.attempts + 1,
             first_attempt_at = COALESCE(d.first_attempt_at, ${now}), updated_at = ${now}
        FROM webhooks w
       WHERE d.id = ${id} AND w.id = d.webhook_id AND w.active AND d.next_attempt_at = ${dueAt}
         AND ((d.status IN ('pending', 'failed') AND d.next_attempt_at <= ${now}) OR (d.status = 'sending' AND d.claimed_at < ${staleBefore}))
      RETURNING d.id, d.webhook_id, d.event_id, d.event_type, d.document_collection, d.document_id, d.body, d.attempts,
                d.first_attempt_at, d.created_at, w.url, w.receiver_role`),
  )
  const row = rows[0]
  if (!row) return null
  return {
    id: Number(row.id),
    webhookId: Number(row.webhook_id),
    eventId: String(row.event_id),
    eventType: row.event_type as WebhookEvent,
    documentCollection: row.document_collection as CollectionSlug,
    documentId: String(row.document_id),
    body: (row.body ?? null) as WebhookEventBody | null,
    attempt: Number(row.attempts),
    firstAttemptAt: new Date(row.first_attempt_at as string),
    createdAt: new Date(row.created_at as string),
    url: String(row.url),
    receiverRole: (row.receiver_role ?? 'public') as ReceiverRole,
  }
}

/** Where an unclaimable delivery stands, to decide what its job does instead. */
export async function deliveryState(payload: Payload, id: number): Promise<{ status: DeliveryStatus; nextAttemptAt: Date | null; webhookActive: boolean } | null> {
  const rows = rowsOf<{ status: DeliveryStatus; next_attempt_at: string | null; active: boolean | null }>(
    await poolDrizzle(payload).execute(sql`
      SELECT d.status, d.next_attempt_at, w.active FROM webhook_deliveries d LEFT JOIN webhooks w ON w.id = d.webhook_id WHERE d.id = ${id}`),
  )
  if (!rows[0]) return null
  return { status: rows[0].status, nextAttemptAt: rows[0].next_attempt_at ? new Date(rows[0].next_attempt_at) : null, webhookActive: rows[0].active === true }
}

/** A waiting delivery whose webhook was switched off or deleted: it will not be sent (an admin may redeliver it once the webhook is on). */
export async function abandonDelivery(payload: Payload, id: number, now: Date, reason: string): Promise<void> {
  await poolDrizzle(payload).execute(sql`
    UPDATE webhook_deliveries SET status = 'abandoned', next_attempt_at = NULL, last_error = ${reason}, updated_at = ${now}
     WHERE id = ${id} AND status IN ('pending', 'failed')`)
}

/** Stores the body built at the first attempt; a body already there (a retry, a redelivery) is kept. Returns what to send. */
export async function fixBody(payload: Payload, id: number, body: WebhookEventBody): Promise<WebhookEventBody> {
  const rows = rowsOf<{ body: WebhookEventBody }>(
    await poolDrizzle(payload).execute(sql`
      UPDATE webhook_deliveries SET body = COALESCE(body, ${JSON.stringify(body)}::jsonb) WHERE id = ${id} RETURNING body`),
  )
  return rows[0]?.body ?? body
}

export interface AttemptRecord {
  status: Extract<DeliveryStatus, 'delivered' | 'failed' | 'gone' | 'abandoned'>
  nextAttemptAt: Date | null
  at: Date
  statusCode: number | null
  durationMs: number
  error: string | null
  responseExcerpt: string | null
}

/**
 * Records how a claimed attempt ended, and appends it to the delivery's log (the `attemptsLog` array's
 * table, as Payload writes it), in one statement, in `req`'s transaction if it has one. Only a delivery still `sending` changes.
 */
export async function recordAttempt(req: PayloadRequest, delivery: ClaimedDelivery, record: AttemptRecord): Promise<void> {
  const error = record.error?.slice(0, 1000) ?? null
  await (await drizzleFor(req)).execute(sql`
    WITH finished AS (
      UPDATE webhook_deliveries
         SET status = ${record.status}, next_attempt_at = ${record.nextAttemptAt}, last_status_code = ${record.statusCode},
             last_error = ${error}, claimed_at = NULL, updated_at = ${record.at}
       WHERE id = ${delivery.id} AND status = 'sending'
      RETURNING id
    )
    INSERT INTO webhook_deliveries_attempts_log (_order, _parent_id, id, attempt, at, status_code, duration_ms, error, response_excerpt)
    SELECT ${delivery.attempt}, id, ${randomBytes(12).toString('hex')}, ${delivery.attempt}, ${record.at}, ${record.statusCode}, ${record.durationMs}, ${error}, ${record.responseExcerpt}
      FROM finished`)
}
