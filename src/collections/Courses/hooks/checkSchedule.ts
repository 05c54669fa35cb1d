import type { CollectionBeforeChangeHook } from 'payload'

import { isScheduledStatusMove } from '../../../courses/status/context'
import { scheduleErrors } from '../../../courses/validation'
import { keepScheduleErrors } from '../../../courses/validation/fieldMessages'
import { getBusinessSettings } from '../../../settings/businessSettings'

/**
 * Checks the schedule as a whole (sessions outside the course's days, overlapping, new in the past,
 * online without a link when about to start) before anything is written. Each session field then
 * reports its own error (src/courses/validation/fieldMessages.ts), so the 400 names
 * `modules.N.sessions.M.date` beside any other field error. The status job's own move touches only
 * the status, so it is not re-checked.
 */
export const checkSchedule: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  if (isScheduledStatusMove(req.context)) {
    keepScheduleErrors(req, originalDoc?.id, [])
    return data
  }
  const timeZone = data.timezone || originalDoc?.timezone || (await getBusinessSettings(req.payload, req)).timezone
  keepScheduleErrors(req, originalDoc?.id, scheduleErrors(req, data, originalDoc, timeZone))
  return data
}
