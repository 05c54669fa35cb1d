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
 * The one way to send an email (`queueEmails` for several at once). Call it from hooks and endpoints with their `req`: the log row and
 * its job join the caller's transaction, so a rollback leaves neither behind.
 *
 * One statement writes the row, its related document and its send job (every registration queues
 * at least one email; this was five statements). A duplicate key must not abort the caller's
 * transaction, which a failed INSERT would do in PostgreSQL; `ON CONFLICT DO NOTHING` makes the
 * second call a quiet no-op instead, and the rows that hang off the log row are then not written either.
 */
export async function queueEmail(req: PayloadRequest, input: QueueEmailInput): Promise<QueueEmailResult> {
  return (await queueEmails(req, [input]))[0]!
}

/**
 * Several emails in ONE statement (a registration's reminders: three rows, three relations, three jobs),
 * each exactly as `queueEmail` writes it, with the same quiet no-op for a dedupe key already used. The
 * results come in the order of `inputs`.
 */
export async function queueEmails(req: PayloadRequest, inputs: QueueEmailInput[]): Promise<QueueEmailResult[]> {
  if (!inputs.length) return []
  // Two rows with one key in one statement would not see each other: a unique violation, not a quiet no-op.
  if (inputs.length > 1 && new Set(inputs.map((input) => input.dedupeKey)).size < inputs.length) {
    const answers: QueueEmailResult[] = []
    for (const input of inputs) answers.push(...(await queueEmails(req, [input])))
    return answers
  }
  const db = await drizzleFor(req)
  const now = getClock(req.payload).now()
  const parts = inputs.map((input, index) => {
    const log = sql.raw(`log_${index}`)
    const locale = toEmailLocale(input.to.language)
    return sql`${log} AS (
        INSERT INTO email_log ("to", template_key, locale, variables, attachments, status, attempts, scheduled_for, dedupe_key, rule_id, updated_at, created_at)
        VALUES (${input.to.email.trim().toLowerCase()}, ${input.templateKey}, ${locale}, ${JSON.stringify(input.variables)}::jsonb,
                ${input.attachments?.length ? JSON.stringify(input.attachments) : null}::jsonb, 'queued', 0,
                ${input.scheduledFor ?? null}, ${input.dedupeKey}, ${input.rule ?? null}, ${now}, ${now})
        ON CONFLICT (dedupe_key) DO NOTHING
        RETURNING id
      )${input.relatedDocument ? sql`, ${sql.raw(`related_${index}`)} AS (${relatedDocumentRow(input.relatedDocument, log)})` : sql``}, ${sql.raw(`job_${index}`)} AS (${sendJobRow(req, input.scheduledFor, log)})`
  })
  const results = sql.join(inputs.map((_, index) => sql`SELECT ${index}::int AS n, id FROM ${sql.raw(`log_${index}`)}`), sql` UNION ALL `)
  const inserted = rowsOf<{ n: number; id: number }>(await db.execute(sql`WITH ${sql.join(parts, sql`, `)} ${results}`))
  const idOf = new Map(inserted.map((row) => [Number(row.n), Number(row.id)]))
  const answers: QueueEmailResult[] = []
  for (const [index, input] of inputs.entries()) {
    const id = idOf.get(index)
    if (id !== undefined) {
      answers.push({ queued: true, emailLogId: id })
      continue
    }
    const existing = rowsOf<{ id: number }>(await db.execute(sql`SELECT id FROM email_log WHERE dedupe_key = ${input.dedupeKey}`))
    answers.push({ queued: false, emailLogId: Number(existing[0]!.id) })
  }
  return answers
}

/**
 * Payload's `waitUntil` is real time; a past or absent `scheduledFor` means "as soon as possible".
 * `queue`: a campaign's row retries on the `campaigns` queue, so it never takes a reminder's turn.
 */
export async function queueSendJob(req: PayloadRequest, emailLogId: number, scheduledFor?: Date | null, queue?: string): Promise<void> {
  const waitUntil = scheduledFor && scheduledFor > getClock(req.payload).now() ? scheduledFor : undefined
  await req.payload.jobs.queue({ task: 'sendEmail', input: { emailLogId }, waitUntil, req, ...(queue ? { queue } : {}) })
}
