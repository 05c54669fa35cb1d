import { sql } from '@payloadcms/db-postgres/drizzle'
import type { CollectionAfterChangeHook } from 'payload'

import { drizzleFor } from '../email/database'
import { PERSON_SEARCH_SOURCES, personSearchText } from './personSearch'

/** Tables holding a copy of a person's search text, keyed by their `user_id` column. */
const COPIES = [sql`enrollments`, sql`payments`]

/**
 * A person renamed (or with a new email or company) is found under the new words at once: one
 * UPDATE per table that copies their search text, in the same transaction as the change, whatever
 * the number of their enrollments and payments (no per-row hooks, no N+1).
 */
export const resyncPersonSearchText: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update') return doc
  if (PERSON_SEARCH_SOURCES.every((name) => (doc[name] ?? '') === (previousDoc?.[name] ?? ''))) return doc
  const text = personSearchText(doc)
  const db = await drizzleFor(req)
  for (const table of COPIES) await db.execute(sql`UPDATE ${table} SET search_text = ${text} WHERE user_id = ${doc.id}`)
  return doc
}
