import { sql, type SQL } from '@payloadcms/db-postgres/drizzle'
import type { CollectionSlug, PayloadRequest } from 'payload'

import { getClock } from '../utilities/clock'
import { EMAIL_RELATED_COLLECTIONS } from './relatedCollections'

/**
 * The `sendEmail` job for the log row inserted by the `log` CTE (or the one named), written as `payload.jobs.queue`
 * writes it with Aula's jobs config (no `runHooks`, no `depth`, no concurrency keys: Payload then
 * calls the adapter's create directly, and nothing else). Payload's `waitUntil` is real time; a past
 * or absent `scheduledFor` means "as soon as possible". tests/int/queue-email-rows.int.spec.ts
 * compares this row with the one Payload writes, and runs it.
 */
export function sendJobRow(req: PayloadRequest, scheduledFor?: Date | null, log: SQL = sql`log`): SQL {
  const waitUntil = scheduledFor && scheduledFor > getClock(req.payload).now() ? scheduledFor : null
  // Payload stamps its own rows with the real time too.
  const now = new Date()
  return sql`
    INSERT INTO payload_jobs (input, task_slug, wait_until, updated_at, created_at)
    SELECT jsonb_build_object('emailLogId', id), 'sendEmail', ${waitUntil}, ${now}, ${now} FROM ${log}`
}

/** The log row's `relatedDocument`, as Payload's adapter writes a polymorphic relationship (one row in `email_log_rels`, no order). */
export function relatedDocumentRow(document: { relationTo: CollectionSlug; value: number | string }, log: SQL = sql`log`): SQL {
  if (!EMAIL_RELATED_COLLECTIONS.includes(document.relationTo)) throw new Error(`An email cannot be about ${document.relationTo}`)
  // The column is `<slug>_id`; the slug comes from the fixed list above, never from input.
  const column = sql.raw(`"${document.relationTo.replace(/-/g, '_')}_id"`)
  return sql`
    INSERT INTO email_log_rels (parent_id, path, ${column})
    SELECT id, 'relatedDocument', ${Number(document.value)} FROM ${log}`
}
