import type { PayloadRequest } from 'payload'

import { seatsLeftOf } from '../../fields/seats'
import { sql, sqlFor } from '../transaction'

/**
 * What an email about an enrollment reads of its webinar, in one plain statement: the same values
 * Payload's `findByID` (trash included, depth 0, the message's `select`) answers, computed fields
 * (`timezone`, `seatsLeft`) by the fields' own rules. Every registration's confirmation reads it, and
 * Payload's read cost a relational query built by drizzle plus an afterRead traversal; the registration
 * parity test (tests/int/registration-fast-path.int.spec.ts) compares the emails both reads produce.
 */
export async function readWebinarForMessage(req: PayloadRequest, id: number): Promise<Record<string, unknown> | null> {
  const db = await sqlFor(req)
  const { rows } = await db.execute(sql`
    SELECT w.id, w.title, w.summary, w.slug, w.starts_at, w.startsat_tz, w.duration_minutes, w.meeting_link, w.schedule_sequence,
           w.category_id, w.capacity, w.seats_taken,
           ARRAY(SELECT r.email_rules_id FROM webinars_rels r WHERE r.parent_id = w.id AND r.path = 'emailRulesOff' AND r.email_rules_id IS NOT NULL ORDER BY r."order") AS email_rules_off
      FROM webinars w WHERE w.id = ${id}`)
  const row = rows[0]
  if (!row) return null
  const number = (value: unknown) => (value === null || value === undefined ? null : Number(value))
  return {
    id: Number(row.id),
    title: row.title,
    summary: row.summary ?? null,
    slug: row.slug ?? null,
    startsAt: row.starts_at ? new Date(String(row.starts_at)).toISOString() : null,
    timezone: row.startsat_tz ?? null,
    durationMinutes: number(row.duration_minutes),
    meetingLink: row.meeting_link ?? null,
    scheduleSequence: number(row.schedule_sequence),
    category: number(row.category_id),
    emailRulesOff: (row.email_rules_off as unknown[]).map(Number),
    seatsLeft: seatsLeftOf(number(row.capacity), number(row.seats_taken)),
  }
}
