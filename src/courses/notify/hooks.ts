import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { isScheduledStatusMove } from '../status/context'
import { queueScheduleCheck } from './scheduleNotice'
import { readSnapshot, scheduleDiffers, snapshotOf } from './scheduleSnapshot'

/** `req.context[SKIP_SCHEDULE_NOTICE] = true` on a course update that must not tell students anything (seeding, imports). */
export const SKIP_SCHEDULE_NOTICE = 'skipScheduleNotice'

/**
 * Starts the record of what students were told: a new course's sessions (nobody is enrolled yet),
 * or, for a course from before this record, its sessions as they were before this save.
 */
export const rememberNotifiedSessions: CollectionBeforeChangeHook = ({ data, operation, originalDoc }) => {
  if (operation === 'create') data.notifiedSessions = snapshotOf(data)
  else if (originalDoc && readSnapshot(originalDoc.notifiedSessions) === null) data.notifiedSessions = snapshotOf(originalDoc)
  return data
}

/**
 * A save that moved, added or removed a session (or changed its place or link) queues the delayed
 * schedule check; the check, not this save, decides what students hear. A cancelled course tells
 * its students through its cancellation instead, and a status move never touches the sessions.
 */
export const debounceScheduleNotice: CollectionAfterChangeHook = async ({ doc, operation, previousDoc, req }) => {
  if (operation !== 'update' || doc.status === 'cancelled' || req.context?.[SKIP_SCHEDULE_NOTICE] || isScheduledStatusMove(req.context)) return doc
  if (!scheduleDiffers(snapshotOf(previousDoc ?? {}), snapshotOf(doc))) return doc
  await queueScheduleCheck(req, Number(doc.id))
  return doc
}
