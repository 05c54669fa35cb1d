import type { PayloadRequest } from 'payload'

import type { LockedItem } from '../../enrollment/items'
import { sql, sqlFor } from '../../enrollment/transaction'
import { notify } from '../notify'
import { adminDocumentPath, quoted } from './links'

/** Seats taken, as a share of capacity, from which editors hear an item is nearly full. */
export const NEARLY_FULL_SHARE = 0.9

const kindOfItem = (item: LockedItem) =>
  item.collection === 'webinars' ? { es: 'El webinar', en: 'The webinar' } : { es: 'El curso', en: 'The course' }

/**
 * Called with the item's counter just moved up by `delta` (the registration's own locked row, already
 * in memory): only the seat that crosses 90% costs anything; every other registration adds no query.
 * Once per item, ever.
 */
export async function notifyIfNearlyFull(req: PayloadRequest, item: LockedItem, delta: number): Promise<void> {
  if (delta <= 0 || item.capacity === null || item.capacity <= 0) return
  const threshold = Math.ceil(item.capacity * NEARLY_FULL_SHARE)
  const before = item.seatsTaken - delta
  if (before >= threshold || item.seatsTaken < threshold) return
  const left = Math.max(item.capacity - item.seatsTaken, 0)
  await notify(req, {
    kind: 'item_nearly_full',
    to: 'byRole',
    title: { es: `${quoted(item.title)} está casi lleno`, en: `${quoted(item.title)} is nearly full` },
    body: {
      es: `${kindOfItem(item).es} tiene ${item.seatsTaken} de ${item.capacity} cupos ocupados (quedan ${left}).`,
      en: `${kindOfItem(item).en} has ${item.seatsTaken} of ${item.capacity} seats taken (${left} left).`,
    },
    link: adminDocumentPath(item.collection, item.id),
    document: { collection: item.collection, id: item.id },
    dedupeKey: `item_nearly_full:${item.collection}:${item.id}`,
  })
}

/** How many of the item's latest older enrollments the waitlist check looks at. */
const WAITLIST_LOOK_BACK = 20

/**
 * A registration that found the item full and goes on its waiting list. Only the first one in line
 * tells editors (time to add seats or another date); the dedupe key makes it one notification per item
 * whoever asks. A registration that takes its seat at commit (src/enrollment/seatAtCommit.ts) asks after
 * its commit, with its own enrollment written, about enrollments older than `ownEnrollment`.
 *
 * The check is bounded: the item's latest few older enrollments (the item's relation rows, newest first),
 * then their statuses by primary key. A join of all waitlisted enrollments with all of the item's rows
 * was quadratic whenever the planner's statistics lagged a burst — each of 900 waitlisted registrations
 * compared ~900 × ~1,000 rows, and PostgreSQL's CPU went to that (docs/benchmarks.md, issue 21 round two).
 * Someone waiting further back than the look-back only costs a notify() that its dedupe key makes a no-op.
 */
export async function notifyIfWaitlistForming(req: PayloadRequest, item: LockedItem, ownEnrollment?: number): Promise<void> {
  const db = await sqlFor(req)
  const column = item.collection === 'webinars' ? sql`webinars_id` : sql`courses_id`
  const { rows } = await db.execute(sql`
    SELECT 1 FROM enrollments e
     WHERE e.id = ANY (ARRAY(
             SELECT r.parent_id FROM enrollments_rels r
              WHERE r.${column} = ${item.id} AND r.path = 'item' ${ownEnrollment === undefined ? sql`` : sql`AND r.parent_id < ${ownEnrollment}`}
              ORDER BY r.parent_id DESC LIMIT ${WAITLIST_LOOK_BACK}))
       AND e.status = 'waitlisted'
     LIMIT 1`)
  if (rows.length) return
  await notify(req, {
    kind: 'waitlist_forming',
    to: 'byRole',
    title: { es: `Lista de espera en ${quoted(item.title)}`, en: `Waitlist forming for ${quoted(item.title)}` },
    body: {
      es: `${kindOfItem(item).es} está lleno (${item.capacity ?? '—'} cupos) y alguien acaba de entrar en lista de espera. ¿Más cupos u otra fecha?`,
      en: `${kindOfItem(item).en} is full (${item.capacity ?? '—'} seats) and someone just joined the waitlist. More seats or another date?`,
    },
    link: adminDocumentPath(item.collection, item.id),
    document: { collection: item.collection, id: item.id },
    dedupeKey: `waitlist_forming:${item.collection}:${item.id}`,
  })
}
