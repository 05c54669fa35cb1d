import type { PayloadRequest } from 'payload'

import { sql, sqlFor } from '../../enrollment/transaction'
import { aboutTheirDocuments } from './notifications'
import type { PersonRecords } from './subject'

/** Shown in place of a value that was the person's data. */
export const REDACTED = '[borrado]'

/**
 * Audit entries about the person (whom they are about, or one of their documents) keep what was
 * done, when, by whom and which fields changed, but not the values, and lose the request's IP and
 * browser; entries of what they did themselves lose the IP and browser too. Direct SQL: this is the
 * one change to the log Aula makes (docs/decisions/0028).
 */
export async function redactAuditEntries(req: PayloadRequest, records: PersonRecords): Promise<number> {
  const db = await sqlFor(req)
  const about = sql`person_id = ${records.userId} OR ${aboutTheirDocuments(records, 'collection_slug', 'document_id')}`
  const result = await db.execute(sql`
    UPDATE audit_log SET ip = NULL, user_agent = NULL,
      changes = CASE WHEN jsonb_typeof(changes) = 'array' THEN (
        SELECT coalesce(jsonb_agg(jsonb_build_object('field', change->'field', 'from', ${REDACTED}::text, 'to', ${REDACTED}::text)), '[]'::jsonb)
          FROM jsonb_array_elements(changes) AS change) ELSE changes END
    WHERE ${about}`)
  await db.execute(sql`UPDATE audit_log SET ip = NULL, user_agent = NULL WHERE actor_id = ${records.userId}`)
  return Number((result as { rowCount?: number }).rowCount ?? 0)
}
