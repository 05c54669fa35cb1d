import { WEBINAR_PUBLIC_STATUSES } from '../collections/Webinars/statuses'
import type { Filter, WebinarRead } from './webinarRead'

/** A timestamp as Payload answers it: `Date#toISOString()`, milliseconds and `Z`. */
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
/** Payload's number fields are `numeric` columns it reads as JavaScript numbers. */
const num = (column: string) => `${column}::float8`

const speakersOf = (depth: 0 | 1) =>
  depth === 0
    ? `coalesce((SELECT json_agg(r.speakers_id ORDER BY r."order") FROM webinars_rels r WHERE r.parent_id = w.id AND r.path = 'speakers'), '[]'::json)`
    : // A speaker as its `defaultPopulate` card; one in the trash stays an id, as Payload leaves a relation it cannot read.
      `coalesce((SELECT json_agg(CASE WHEN s.id IS NOT NULL AND s.deleted_at IS NULL THEN json_build_object(
          'id', s.id, 'name', s.name, 'headline', s.headline, 'company', s.company, 'photo', s.photo_id,
          'linkedinUrl', s.linkedin_url, 'deletedAt', ${iso('s.deleted_at')}) ELSE to_json(r.speakers_id) END ORDER BY r."order")
        FROM webinars_rels r LEFT JOIN speakers s ON s.id = r.speakers_id WHERE r.parent_id = w.id AND r.path = 'speakers'), '[]'::json)`

const categoryOf = (depth: 0 | 1) =>
  depth === 0 ? 'w.category_id' : `(SELECT json_build_object('id', c.id, 'name', c.name, 'slug', c.slug) FROM categories c WHERE c.id = w.category_id)`

/**
 * One webinar as an anonymous reader gets it from Payload, key for key and in Payload's order.
 * Fields anonymous readers may not see (meeting link, recording, resources' contents, follow-up
 * state, internal notes, organizer, rules, last editor) are not selected. `image` is the upload's id here; at depth 1 the
 * caller embeds the media document through Payload (its URL is the storage adapter's to make).
 * `timezone` and `seatsLeft` are filled in by the caller with the fields' own functions.
 */
const webinarDoc = (depth: 0 | 1) => `json_build_object(
  'id', w.id, 'title', w.title, 'summary', w.summary, 'description', w.description,
  'speakers', ${speakersOf(depth)}, 'category', ${categoryOf(depth)}, 'image', w.image_id,
  'startsAt', ${iso('w.starts_at')}, 'startsAt_tz', w.startsat_tz, 'durationMinutes', ${num('w.duration_minutes')},
  'platform', w.platform, 'isFree', w.is_free, 'price', ${num('w.price')}, 'currency', w.currency,
  'capacity', ${num('w.capacity')}, 'maxGroupSize', ${num('w.max_group_size')}, 'allowBankTransfer', w.allow_bank_transfer,
  'bankTransferHoldDays', ${num('w.bank_transfer_hold_days')}, 'slug', w.slug, 'status', w.status,
  'seatsTaken', ${num('w.seats_taken')}, 'scheduleSequence', ${num('w.schedule_sequence')}, 'searchText', w.search_text,
  'ratingAverage', ${num('w.rating_average')}, 'ratingCount', ${num('w.rating_count')},
  'updatedAt', ${iso('w.updated_at')}, 'createdAt', ${iso('w.created_at')}, 'deletedAt', ${iso('w.deleted_at')},
  'timezone', NULL, 'resources', '[]'::json, 'seatsLeft', NULL)`

export interface Statement {
  text: string
  values: unknown[]
}

/** What the collection's read access lets an anonymous reader see, and the trash hidden as Payload hides it. */
const VISIBLE = `w.deleted_at IS NULL AND w.status::text = ANY($1::text[])`

export function webinarStatement(read: WebinarRead): Statement {
  const values: unknown[] = [[...WEBINAR_PUBLIC_STATUSES]]
  const param = (value: unknown) => {
    values.push(value)
    return `$${values.length}`
  }
  if (read.kind === 'byId') {
    return {
      text: `SELECT ${webinarDoc(read.depth)} AS doc FROM webinars w WHERE w.id = ${param(read.id)} AND ${VISIBLE}`,
      values,
    }
  }
  const conditions = [VISIBLE, ...read.filters.map((filter) => condition(filter, param))]
  const direction = read.sort.descending ? 'DESC' : 'ASC'
  // Payload sorts ties by `-createdAt` unless createdAt is the sort itself.
  const order = read.sort.column === 'created_at' ? `w.created_at ${direction}` : `w.${read.sort.column} ${direction}, w.created_at DESC`
  const limit = param(read.limit)
  const offset = param((read.page - 1) * read.limit)
  const text = `
    WITH matched AS (SELECT w.id, row_number() OVER (ORDER BY ${order}) AS position FROM webinars w WHERE ${conditions.join(' AND ')}),
    page AS (SELECT id, position FROM matched ORDER BY position LIMIT ${limit} OFFSET ${offset})
    SELECT (SELECT count(*) FROM matched)::int AS total,
      coalesce((SELECT json_agg(${webinarDoc(read.depth)} ORDER BY page.position) FROM page JOIN webinars w ON w.id = page.id), '[]'::json) AS docs`
  return { text, values }
}

const RANGE_SQL = {
  greater_than: '>',
  greater_than_equal: '>=',
  less_than: '<',
  less_than_equal: '<=',
} as const

function condition(filter: Filter, param: (value: unknown) => string): string {
  switch (filter.field) {
    case 'status':
      return `w.status::text = ANY(${param(filter.values)}::text[])`
    case 'slug':
      return `w.slug = ${param(filter.value)}`
    case 'category':
      return `w.category_id = ${param(filter.value)}`
    case 'category.slug':
      return `w.category_id IN (SELECT c.id FROM categories c WHERE c.slug = ${param(filter.value)})`
    case 'startsAt':
      return `w.starts_at ${RANGE_SQL[filter.op]} ${param(filter.value)}::timestamptz`
  }
}
