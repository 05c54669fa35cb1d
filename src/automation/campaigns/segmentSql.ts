import { type SQL, sql } from '@payloadcms/db-postgres/drizzle'

import { consentGrantedSql } from '../consent/sql'
import type { Segment, SegmentEnrollmentStatus } from './types'

const intArray = (ids: number[]) => sql`${`{${ids.map(Number).join(',')}}`}::int[]`
/** Each value its own parameter (drizzle would otherwise spread an array into a list). Callers pass a non-empty list. */
const textArray = (values: string[]) => sql`ARRAY[${sql.join(values.map((value) => sql`${value}`), sql`, `)}]::text[]`
const at = (date: Date) => sql`${date.toISOString()}::timestamptz`
/** Whole-day fields hold a UTC calendar day (src/utilities/calendarDay.ts), whatever hour is attached. */
const day = (date: Date) => sql`${date.toISOString().slice(0, 10)}::date`

/** The clock and the business zone the segment's whole days are read in. */
export interface SegmentContext {
  now: Date
  timeZone: string
}

/** The item's first day: a webinar's start in the business zone; a course's start date is already a calendar day. */
const itemStartDay = (timeZone: string) => sql`coalesce((w.starts_at AT TIME ZONE ${timeZone})::date, (c.start_date AT TIME ZONE 'UTC')::date)`

/** Only addresses after the keyset cursor: pushed into every branch so a page reads one page's worth. */
const after = (email: SQL, afterEmail: string | undefined): SQL => (afterEmail ? sql`lower(${email}) > ${afterEmail}` : sql`TRUE`)

/** `attended`, `no_show`, `completed` are confirmed enrollments read through what was recorded; `no_show` once the item started. */
const statusCondition = (status: SegmentEnrollmentStatus, now: Date): SQL => {
  switch (status) {
    case 'confirmed':
      return sql`e.status = 'confirmed'`
    case 'waitlisted':
      return sql`e.status = 'waitlisted'`
    case 'attended':
      return sql`(e.status = 'confirmed' AND e.attended IS TRUE)`
    case 'no_show':
      return sql`(e.status = 'confirmed' AND e.attended IS NOT TRUE AND coalesce(w.starts_at, c.start_date) < ${at(now)})`
    case 'completed':
      return sql`(e.status = 'confirmed' AND e.completed_at IS NOT NULL)`
  }
}

function enrolledCandidates(segment: Segment, { now, timeZone }: SegmentContext, afterEmail?: string): SQL {
  const webinars = segment.items.filter((item) => item.relationTo === 'webinars').map((item) => item.id)
  const courses = segment.items.filter((item) => item.relationTo === 'courses').map((item) => item.id)
  const anyItem = !segment.items.length && !segment.categories.length
  const items = anyItem
    ? sql`TRUE`
    : sql`(r.webinars_id = ANY(${intArray(webinars)}) OR r.courses_id = ANY(${intArray(courses)})
           OR coalesce(w.category_id, c.category_id) = ANY(${intArray(segment.categories)}))`
  const statuses = (segment.statuses.length ? segment.statuses : (['confirmed'] as const)).map((status) => statusCondition(status, now))
  // Both ends are whole days and both are included.
  const from = segment.from ? sql`${itemStartDay(timeZone)} >= ${day(segment.from)}` : sql`TRUE`
  const until = segment.until ? sql`${itemStartDay(timeZone)} <= ${day(segment.until)}` : sql`TRUE`
  return sql`
    SELECT lower(u.email) AS email, u.first_name, u.last_name, u.language, u.id AS user_id, NULL::int AS lead_id,
           ${consentGrantedSql('u')} AS consent
      FROM enrollments e
      JOIN enrollments_rels r ON r.parent_id = e.id AND r.path = 'item'
      LEFT JOIN webinars w ON w.id = r.webinars_id
      LEFT JOIN courses c ON c.id = r.courses_id
      JOIN users u ON u.id = e.user_id
     WHERE ${items} AND (${sql.join(statuses, sql` OR `)}) AND ${from} AND ${until} AND ${after(sql`u.email`, afterEmail)}`
}

function leadCandidates(segment: Segment, afterEmail?: string): SQL {
  const webinars = segment.items.filter((item) => item.relationTo === 'webinars').map((item) => item.id)
  const courses = segment.items.filter((item) => item.relationTo === 'courses').map((item) => item.id)
  const stages = segment.stages.length ? sql`l.stage::text = ANY(${textArray(segment.stages)})` : sql`TRUE`
  const sources = segment.sources.length ? sql`l.source::text = ANY(${textArray(segment.sources)})` : sql`TRUE`
  const tags = segment.tags.length
    ? sql`EXISTS (SELECT 1 FROM leads_texts t WHERE t.parent_id = l.id AND t.path = 'tags'
                   AND lower(t.text) = ANY(${textArray(segment.tags.map((tag) => tag.toLowerCase()))}))`
    : sql`TRUE`
  const interest = segment.items.length
    ? sql`EXISTS (SELECT 1 FROM leads_rels lr WHERE lr.parent_id = l.id AND lr.path = 'interest'
                   AND (lr.webinars_id = ANY(${intArray(webinars)}) OR lr.courses_id = ANY(${intArray(courses)})))`
    : sql`TRUE`
  // A lead has no language of its own; the account with the same address, when there is one, knows it.
  return sql`
    SELECT lower(l.email) AS email, l.first_name, l.last_name,
           (SELECT u.language FROM users u WHERE u.email = lower(l.email) LIMIT 1) AS language,
           NULL::int AS user_id, l.id AS lead_id, ${consentGrantedSql('l')} AS consent
      FROM leads l
     WHERE ${stages} AND ${sources} AND ${tags} AND ${interest} AND ${after(sql`l.email`, afterEmail)}`
}

/**
 * Had a confirmed enrollment before the day (whatever became of it), and no enrollment still standing
 * (pending payment, confirmed, waitlisted) created since the start of that day in the business zone.
 */
function lapsedCandidates(segment: Segment, { timeZone }: SegmentContext, afterEmail?: string): SQL {
  const since = sql`(${day(segment.lastEnrolledBefore ?? new Date(0))}::timestamp AT TIME ZONE ${timeZone})`
  return sql`
    SELECT lower(u.email) AS email, u.first_name, u.last_name, u.language, u.id AS user_id, NULL::int AS lead_id,
           ${consentGrantedSql('u')} AS consent
      FROM users u
     WHERE EXISTS (SELECT 1 FROM enrollments e WHERE e.user_id = u.id AND e.status = 'confirmed' AND e.created_at < ${since})
       AND NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.user_id = u.id AND e.created_at >= ${since}
                         AND e.status IN ('pending_payment', 'confirmed', 'waitlisted'))
       AND ${after(sql`u.email`, afterEmail)}`
}

/**
 * The segment's people, one row per lower-case address (`email, first_name, last_name, language,
 * user_id, lead_id, consent`): when an address appears twice (two enrollments, a lead and its
 * account), the row with consent wins, then the account over the lead.
 */
export function segmentPeopleSql(segment: Segment, context: SegmentContext, afterEmail?: string): SQL {
  const candidates =
    segment.kind === 'leads'
      ? leadCandidates(segment, afterEmail)
      : segment.kind === 'lapsed_students'
        ? lapsedCandidates(segment, context, afterEmail)
        : enrolledCandidates(segment, context, afterEmail)
  return sql`
    SELECT DISTINCT ON (email) email, first_name, last_name, language, user_id, lead_id, consent
      FROM (${candidates}) AS candidates
     ORDER BY email, consent DESC, user_id NULLS LAST, lead_id`
}
