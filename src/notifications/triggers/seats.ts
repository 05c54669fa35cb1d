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

/**
 * A registration that found the item full and goes on its waiting list. Only the first one in line
 * tells editors (time to add seats or another date): the item is locked, so "nobody else waiting" is
 * one indexed look-up, paid only by waitlisted registrations. A registration that takes its seat at
 * commit (src/enrollment/seatAtCommit.ts) asks after its commit, with its own enrollment written:
 * it tells only if no waitlisted enrollment is older than `ownEnrollment` (two at once may both tell;
 * the dedupe key keeps it to one notification).
 */
export async function notifyIfWaitlistForming(req: PayloadRequest, item: LockedItem, ownEnrollment?: number): Promise<void> {
  const db = await sqlFor(req)
  const { rows } = await db.execute(sql`
    SELECT 1 FROM enrollments e
      JOIN enrollments_rels r ON r.parent_id = e.id AND r.path = 'item'
     WHERE e.status = 'waitlisted' ${ownEnrollment === undefined ? sql`` : sql`AND e.id < ${ownEnrollment}`}
       AND ${item.collection === 'webinars' ? sql`r.webinars_id` : sql`r.courses_id`} = ${item.id}
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
