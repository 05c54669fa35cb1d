import { sql } from '@payloadcms/db-postgres/drizzle'
import type { CollectionSlug, PayloadRequest } from 'payload'

import { getClock } from '../utilities/clock'
import { drizzleFor, rowsOf } from './database'
import type { EmailVariables } from './renderTemplate'
import { relatedDocumentRow, sendJobRow } from './sendJobRow'
import { type EmailTemplateKey, toEmailLocale } from './templateVariables'

export interface EmailAttachment {
  filename: string
  /** Text content (an .ics invite is text). */
  content: string
  contentType: string
}

export interface QueueEmailInput {
  templateKey: EmailTemplateKey
  to: { email: string; language?: string | null }
  /** One email per key, ever: e.g. `enrollment_confirmed:enrollment-42`. */
  dedupeKey: string
  relatedDocument?: { relationTo: CollectionSlug; value: number | string }
  variables: EmailVariables
  /** Not before this instant (by the app clock). */
  scheduledFor?: Date
  attachments?: EmailAttachment[]
  /** The email rule that planned it (src/automation/rules): re-checked at send time. */
  rule?: number
}

export interface QueueEmailResult {
  /** False when an email with this dedupe key already exists (nothing new was queued). */
  queued: boolean
  emailLogId: number
}

/**
 * The one way to send an email. Call it from hooks and endpoints with their `req`: the log row and
 * its job join the caller's transaction, so a rollback leaves neither behind.
 *
 * One statement writes the row, its related document and its send job (every registration queues
 * at least one email; this was five statements). A duplicate key must not abort the caller's
 * transaction, which a failed INSERT would do in PostgreSQL; `ON CONFLICT DO NOTHING` makes the
 * second call a quiet no-op instead, and the rows that hang off the log row are then not written either.
 */
export async function queueEmail(req: PayloadRequest, input: QueueEmailInput): Promise<QueueEmailResult> {
  const { payload } = req
  const db = await drizzleFor(req)
  const now = getClock(payload).now()
  const locale = toEmailLocale(input.to.language)
  const inserted = rowsOf<{ id: number }>(
    await db.execute(sql`
      WITH log AS (
        INSERT INTO email_log ("to", template_key, locale, variables, attachments, status, attempts, scheduled_for, dedupe_key, rule_id, updated_at, created_at)
        VALUES (${input.to.email.trim().toLowerCase()}, ${input.templateKey}, ${locale}, ${JSON.stringify(input.variables)}::jsonb,
                ${input.attachments?.length ? JSON.stringify(input.attachments) : null}::jsonb, 'queued', 0,
                ${input.scheduledFor ?? null}, ${input.dedupeKey}, ${input.rule ?? null}, ${now}, ${now})
        ON CONFLICT (dedupe_key) DO NOTHING
        RETURNING id
      )${input.relatedDocument ? sql`, related AS (${relatedDocumentRow(input.relatedDocument)})` : sql``}, job AS (${sendJobRow(req, input.scheduledFor)})
      SELECT id FROM log`),
  )
  if (!inserted.length) {
    const existing = rowsOf<{ id: number }>(await db.execute(sql`SELECT id FROM email_log WHERE dedupe_key = ${input.dedupeKey}`))
    return { queued: false, emailLogId: existing[0].id }
  }
  return { queued: true, emailLogId: inserted[0].id }
}

/**
 * Payload's `waitUntil` is real time; a past or absent `scheduledFor` means "as soon as possible".
 * `queue`: a campaign's row retries on the `campaigns` queue, so it never takes a reminder's turn.
 */
export async function queueSendJob(req: PayloadRequest, emailLogId: number, scheduledFor?: Date | null, queue?: string): Promise<void> {
  const waitUntil = scheduledFor && scheduledFor > getClock(req.payload).now() ? scheduledFor : undefined
  await req.payload.jobs.queue({ task: 'sendEmail', input: { emailLogId }, waitUntil, req, ...(queue ? { queue } : {}) })
}
