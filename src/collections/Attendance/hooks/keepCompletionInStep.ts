import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook } from 'payload'

import { fillFromEnrollment, recomputeForRow } from '../../../attendance/adminWrites'
import { ATTENDANCE_SERVICE_CONTEXT } from '../../../attendance/record'

/** The service (src/attendance/record.ts) does all of this itself, for many rows at once: these hooks are for an admin's direct write. */
const fromService = (context: Record<string, unknown>) => Boolean(context[ATTENDANCE_SERVICE_CONTEXT])

export const checkDirectWrite: CollectionBeforeChangeHook = async ({ req, data, operation, context }) =>
  fromService(context) ? data : fillFromEnrollment(req, data, operation as 'create' | 'update')

export const recomputeAfterDirectWrite: CollectionAfterChangeHook = async ({ req, doc, context }) => {
  if (!fromService(context)) await recomputeForRow(req, doc)
  return doc
}

export const recomputeAfterDelete: CollectionAfterDeleteHook = async ({ req, doc, context }) => {
  if (!fromService(context)) await recomputeForRow(req, doc)
  return doc
}
