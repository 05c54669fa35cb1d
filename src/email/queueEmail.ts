import { sql } from '@payloadcms/db-postgres/drizzle'
import type { CollectionSlug, PayloadRequest } from 'payload'

import { getClock } from '../utilities/clock'
import { drizzleFor, rowsOf } from './database'
import type { EmailVariables } from './renderTemplate'
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
 * A duplicate key must not abort the caller's transaction, which a failed INSERT would do in
 * PostgreSQL; `ON CONFLICT DO NOTHING` makes the second call a quiet no-op instead.
 */
export async function queueEmail(req: PayloadRequest, input: QueueEmailInput): Promise<QueueEmailResult> {
  const { payload } = req
  const db = await drizzleFor(req)
  const now = getClock(payload).now()
  const locale = toEmailLocale(input.to.language)
  const inserted = rowsOf<{ id: number }>(
    await db.execute(sql`
      INSERT INTO email_log ("to", template_key, locale, variables, attachments, status, attempts, scheduled_for, dedupe_key, rule_id, updated_at, created_at)
      VALUES (${input.to.email.trim().toLowerCase()}, ${input.templateKey}, ${locale}, ${JSON.stringify(input.variables)}::jsonb,
              ${input.attachments?.length ? JSON.stringify(input.attachments) : null}::jsonb, 'queued', 0,
              ${input.scheduledFor ?? null}, ${input.dedupeKey}, ${input.rule ?? null}, ${now}, ${now})
      ON CONFLICT (dedupe_key) DO NOTHING
      RETURNING id`),
  )
  if (!inserted.length) {
    const existing = rowsOf<{ id: number }>(await db.execute(sql`SELECT id FROM email_log WHERE dedupe_key = ${input.dedupeKey}`))
    return { queued: false, emailLogId: existing[0].id }
  }
  const emailLogId = inserted[0].id
  if (input.relatedDocument) {
    // The polymorphic relation lives in Payload's rels table; let the adapter write it, in this transaction.
    await payload.db.updateOne({
      collection: 'email-log',
      id: emailLogId,
      data: { relatedDocument: input.relatedDocument },
      req,
      returning: false,
    })
  }
  await queueSendJob(req, emailLogId, input.scheduledFor)
  return { queued: true, emailLogId }
}

/**
 * Payload's `waitUntil` is real time; a past or absent `scheduledFor` means "as soon as possible".
 * `queue`: a campaign's row retries on the `campaigns` queue, so it never takes a reminder's turn.
 */
export async function queueSendJob(req: PayloadRequest, emailLogId: number, scheduledFor?: Date | null, queue?: string): Promise<void> {
  const waitUntil = scheduledFor && scheduledFor > getClock(req.payload).now() ? scheduledFor : undefined
  await req.payload.jobs.queue({ task: 'sendEmail', input: { emailLogId }, waitUntil, req, ...(queue ? { queue } : {}) })
}
