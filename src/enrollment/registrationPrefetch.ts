import type { PayloadRequest } from 'payload'

import { RULES_VERSION_COLUMNS } from '../automation/rules/rulesVersion'
import { fastPathsEnabled } from '../config/fastPaths'
import { seatsLeftOf } from '../fields/seats'
import type { ItemCollection } from './statuses'
import { sql } from './transaction'

/**
 * What a registration reads later in its transaction, fetched with the item's unlocked read
 * (`readItemForRegistration`, src/enrollment/items.ts) so it costs no statement of its own: the email
 * rules' version (src/automation/rules/activeRules.ts) and, for a webinar, what its emails show
 * (src/enrollment/notify/webinarForMessage.ts). Each statement a registration saves is a round trip
 * and a socket write, the largest cost left per registration (docs/benchmarks.md). Taken once, then
 * gone; only on the fast path (`AULA_FAST_PATHS`), so the parity test compares it with the reads it replaces.
 */

const KEY = 'registrationPrefetch'

interface Prefetched {
  webinar?: Record<string, unknown>
  rulesVersion?: { version: number; own: boolean }
  /** The registration's item read, made with the person's (`findOrCreatePerson`); `row` undefined: no such item. */
  itemRead?: { collection: ItemCollection; id: number; userId: number | null; row: Record<string, unknown> | undefined }
}

/** What a webinar's emails show besides its title, start and seats (`webinarForMessageOf`), as columns of a `webinars` read. */
export const WEBINAR_MESSAGE_COLUMNS = sql`summary, slug, startsat_tz, duration_minutes, meeting_link, schedule_sequence, category_id,
  ARRAY(SELECT r.email_rules_id FROM webinars_rels r WHERE r.parent_id = webinars.id AND r.path = 'emailRulesOff' AND r.email_rules_id IS NOT NULL ORDER BY r."order") AS email_rules_off`

/** The extra columns of the registration's item read (empty when fast paths are off). */
export function prefetchColumns(collection: ItemCollection) {
  if (!fastPathsEnabled()) return sql``
  return collection === 'webinars' ? sql`, ${RULES_VERSION_COLUMNS}, ${WEBINAR_MESSAGE_COLUMNS}` : sql`, ${RULES_VERSION_COLUMNS}`
}

/** Keeps the registration's item read made ahead of time, by the person's read (`userId`: the person found, or null). */
export function keepItemReadAhead(req: PayloadRequest, read: NonNullable<Prefetched['itemRead']>): void {
  req.context[KEY] = { ...kept(req), itemRead: read }
}

/** The person the read ahead is for, once `findOrCreatePerson` has made them. */
export function itemReadAheadIsFor(req: PayloadRequest, userId: number): void {
  const read = kept(req)?.itemRead
  if (read) read.userId = userId
}

/**
 * The read ahead, when it is the one `loadItem` is about to make (same item, same person: a brand-new
 * person has no enrollment, so their read had none to find). Null row: the item does not exist.
 */
export function takeItemReadAhead(req: PayloadRequest, collection: ItemCollection, id: number, activeKey: string): Record<string, unknown> | null | undefined {
  const read = kept(req)?.itemRead
  if (!read || read.collection !== collection || read.id !== id || read.userId === null || activeKey !== `${collection}:${id}:${read.userId}`) return undefined
  delete kept(req)!.itemRead
  return read.row ?? null
}

/** Keeps what the item read brought (`row`: its columns, as read). */
export function keepPrefetched(req: PayloadRequest, collection: ItemCollection, row: Record<string, unknown>): void {
  if (!('rules_version' in row)) return
  const kept: Prefetched = { rulesVersion: { version: Number(row.rules_version), own: row.rules_version_own === true } }
  if (collection === 'webinars') kept.webinar = webinarForMessageOf(row)
  req.context[KEY] = { ...(req.context[KEY] as Prefetched | undefined), ...kept }
}

const number = (value: unknown) => (value === null || value === undefined ? null : Number(value))

/** A webinar row as the message reads it (the values Payload's findByID gives; see webinarForMessage.ts). */
export function webinarForMessageOf(row: Record<string, unknown>): Record<string, unknown> {
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

const kept = (req: PayloadRequest) => req.context[KEY] as Prefetched | undefined

export function takePrefetchedWebinar(req: PayloadRequest, id: number): Record<string, unknown> | undefined {
  const webinar = kept(req)?.webinar
  if (!webinar || webinar.id !== id) return undefined
  delete kept(req)!.webinar
  return webinar
}

export function takePrefetchedRulesVersion(req: PayloadRequest): Prefetched['rulesVersion'] {
  const version = kept(req)?.rulesVersion
  if (version) delete kept(req)!.rulesVersion
  return version
}

/** Dropped when the registration's transaction ends, committed or not: a retry reads afresh. */
export function forgetPrefetched(req: PayloadRequest): void {
  req.context[KEY] = undefined
}
