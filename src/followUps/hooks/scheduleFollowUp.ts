import type { CollectionBeforeChangeHook } from 'payload'

import type { ItemCollection } from '../../enrollment/statuses'
import { getClock } from '../../utilities/clock'
import { followUpDueAt } from '../itemEnd'

type FollowUp = { status?: string | null; dueAt?: string | null; changedAt?: string | null; waiting?: number | null; sent?: number | null }

/**
 * Keeps `followUp.dueAt` at the item's end plus its delay on every save. A new item (a copy too)
 * starts `scheduled`; an item on hold whose end moves into the future (it was postponed) is
 * scheduled again. A follow-up already released or sent stays as it is: people got it. A row from
 * before this feature whose time has passed becomes `skipped` (docs/decisions/0013-follow-ups.md).
 */
export const scheduleFollowUp =
  (collection: ItemCollection): CollectionBeforeChangeHook =>
  ({ data, originalDoc, operation, req }) => {
    const merged = { ...(originalDoc ?? {}), ...data }
    const dueAt = followUpDueAt(collection, merged)
    const previous: FollowUp = operation === 'create' ? {} : ((originalDoc?.followUp as FollowUp | undefined) ?? {})
    const now = getClock(req.payload).now()
    let status = previous.status ?? 'scheduled'
    let changedAt = previous.changedAt ?? null
    if (operation === 'create') changedAt = now.toISOString()
    // A row from before follow-ups existed has never been through here: saving it must not mail its past participants.
    if (operation === 'update' && !previous.changedAt && !previous.dueAt && dueAt && dueAt <= now) {
      status = 'skipped'
      changedAt = now.toISOString()
    }
    if (status === 'on_hold' && dueAt && dueAt > now) {
      status = 'scheduled'
      changedAt = now.toISOString()
    }
    data.followUp = {
      status,
      dueAt: dueAt?.toISOString() ?? null,
      changedAt,
      waiting: status === 'on_hold' ? (previous.waiting ?? null) : null,
      sent: previous.sent ?? null,
    }
    return data
  }
