import { sql } from '@payloadcms/db-postgres/drizzle'
import type { Payload } from 'payload'

import { poolDrizzle, rowsOf } from './database'
import type { EmailAttachment } from './queueEmail'
import type { EmailVariables } from './renderTemplate'
import type { EmailLogKey } from './templateVariables'

export interface ClaimedEmail {
  id: number
  to: string
  templateKey: EmailLogKey
  locale: string
  variables: EmailVariables
  attachments: EmailAttachment[] | null
  attempts: number
  dedupeKey: string
  queuedAt: Date
  /** Set on a campaign's rows (src/automation/campaigns): deliverEmail renders them from the campaign. */
  campaignId: number | null
}

/**
 * Takes the row for sending, or returns null when it is not ours to send: another worker has it,
 * it was sent or cancelled, or it is not due yet. Payload's own job claim is find-then-update and
 * can hand one job to two runners; this single conditional UPDATE is what guarantees one send.
 */
export async function claimEmail(payload: Payload, id: number, now: Date): Promise<ClaimedEmail | null> {
  const rows = rowsOf<Record<string, unknown>>(
    await poolDrizzle(payload).execute(sql`
      UPDATE email_log
         SET status = 'sending', claimed_at = ${now}, attempts = attempts + 1, updated_at = ${now}
       WHERE id = ${id} AND status = 'queued' AND (scheduled_for IS NULL OR scheduled_for <= ${now})
      RETURNING id, "to", template_key, locale, variables, attachments, attempts, dedupe_key, created_at, campaign_id`),
  )
  const row = rows[0]
  if (!row) return null
  return {
    id: Number(row.id),
    to: String(row.to),
    templateKey: row.template_key as EmailLogKey,
    locale: String(row.locale),
    variables: (row.variables ?? {}) as EmailVariables,
    attachments: (row.attachments ?? null) as EmailAttachment[] | null,
    attempts: Number(row.attempts),
    dedupeKey: String(row.dedupe_key),
    queuedAt: new Date(row.created_at as string),
    campaignId: row.campaign_id ? Number(row.campaign_id) : null,
  }
}

/** Where a row stands, for deciding what an unclaimable job should do. */
export async function emailStatus(payload: Payload, id: number): Promise<{ status: string; scheduledFor: Date | null; campaignId: number | null } | null> {
  const rows = rowsOf<{ status: string; scheduled_for: Date | string | null; campaign_id: number | null }>(
    await poolDrizzle(payload).execute(sql`SELECT status, scheduled_for, campaign_id FROM email_log WHERE id = ${id}`),
  )
  if (!rows[0]) return null
  return {
    status: rows[0].status,
    scheduledFor: rows[0].scheduled_for ? new Date(rows[0].scheduled_for) : null,
    campaignId: rows[0].campaign_id ? Number(rows[0].campaign_id) : null,
  }
}

type Outcome =
  | { status: 'sent'; messageId: string; subject: string }
  | { status: 'queued' | 'failed' | 'cancelled'; error: string; retryAt?: Date }

/** Records how a claimed send ended. Only a row still `sending` changes, so a late worker cannot undo a newer state. */
export async function finishEmail(payload: Payload, id: number, now: Date, outcome: Outcome): Promise<void> {
  const db = poolDrizzle(payload)
  if (outcome.status === 'sent') {
    await db.execute(sql`
      UPDATE email_log
         SET status = 'sent', sent_at = ${now}, message_id = ${outcome.messageId}, subject = ${outcome.subject},
             last_error = NULL, claimed_at = NULL, updated_at = ${now}
       WHERE id = ${id} AND status = 'sending'`)
    return
  }
  // `retryAt` (an SMTP outage) moves the row's due time, so it waits by the app clock like a scheduled email.
  await db.execute(sql`
    UPDATE email_log
       SET status = ${outcome.status}, last_error = ${outcome.error.slice(0, 2000)}, claimed_at = NULL, updated_at = ${now},
           scheduled_for = COALESCE(${outcome.retryAt ?? null}, scheduled_for)
     WHERE id = ${id} AND status = 'sending'`)
}
