import type { PayloadRequest } from 'payload'

import { takePrefetchedWebinar, WEBINAR_MESSAGE_COLUMNS, webinarForMessageOf } from '../registrationPrefetch'
import { sql, sqlFor } from '../transaction'

/**
 * What an email about an enrollment reads of its webinar, in one plain statement: the same values
 * Payload's `findByID` (trash included, depth 0, the message's `select`) answers, computed fields
 * (`timezone`, `seatsLeft`) by the fields' own rules. Every registration's confirmation reads it, and
 * Payload's read cost a relational query built by drizzle plus an afterRead traversal; the registration
 * parity test (tests/int/registration-fast-path.int.spec.ts) compares the emails both reads produce.
 */
export async function readWebinarForMessage(req: PayloadRequest, id: number): Promise<Record<string, unknown> | null> {
  // A registration's item read brought it already (src/enrollment/registrationPrefetch.ts).
  const prefetched = takePrefetchedWebinar(req, id)
  if (prefetched) return prefetched
  const db = await sqlFor(req)
  const { rows } = await db.execute(sql`SELECT id, title, starts_at, capacity, seats_taken, ${WEBINAR_MESSAGE_COLUMNS} FROM webinars WHERE id = ${id}`)
  return rows[0] ? webinarForMessageOf(rows[0]) : null
}
