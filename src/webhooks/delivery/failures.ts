import { sql } from '@payloadcms/db-postgres/drizzle'
import type { PayloadRequest } from 'payload'

import { recordAudit } from '../../audit/record'
import { poolDrizzle, rowsOf } from '../../email/database'
import { notifyWebhookDisabled } from '../../notifications/triggers/webhookDisabled'
import { invalidateWebhookSubscriptions } from './subscriptions'

/** A delivered event: the webhook's run of failures is over. */
export async function resetWebhookFailures(req: PayloadRequest, webhookId: number): Promise<void> {
  await poolDrizzle(req.payload).execute(sql`UPDATE webhooks SET consecutive_failures = 0 WHERE id = ${webhookId} AND consecutive_failures <> 0`)
}

/**
 * Counts one failed attempt against the webhook; the one that reaches its `failureLimit` switches it off,
 * tells the admins and leaves an audit entry. `AND active` lets exactly one worker do that. Plain SQL, not
 * an update through Payload: a counter bumped on every failure is not a change worth an audit entry, and
 * the URL's own validation (a DNS lookup) must not decide whether a failing webhook can be switched off.
 */
export async function countWebhookFailure(req: PayloadRequest, webhookId: number, now: Date, lastError: string): Promise<void> {
  const db = poolDrizzle(req.payload)
  // Payload's number columns are `numeric`, which node-postgres hands over as strings.
  const counted = rowsOf<{ failures: string; failure_limit: string | null }>(
    await db.execute(sql`
      UPDATE webhooks SET consecutive_failures = COALESCE(consecutive_failures, 0) + 1 WHERE id = ${webhookId}
      RETURNING consecutive_failures AS failures, failure_limit`),
  )[0]
  const failures = Number(counted?.failures)
  if (!counted || failures < Number(counted.failure_limit ?? 10)) return

  const reason = `${failures} consecutive failed deliveries; the last: ${lastError}`.slice(0, 500)
  const switchedOff = rowsOf<{ id: number; name: string }>(
    await db.execute(sql`
      UPDATE webhooks SET active = false, disabled_at = ${now}, disabled_reason = ${reason}, updated_at = ${now}
       WHERE id = ${webhookId} AND active
      RETURNING id, name`),
  )[0]
  if (!switchedOff) return
  invalidateWebhookSubscriptions(req.payload)
  await recordAudit(req, {
    action: 'update',
    collectionSlug: 'webhooks',
    documentId: webhookId,
    changes: [
      { field: 'active', from: true, to: false },
      { field: 'disabledReason', from: null, to: reason },
    ],
  })
  await notifyWebhookDisabled(req, { id: webhookId, name: switchedOff.name, failures, disabledAt: now })
}
