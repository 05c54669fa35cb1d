/**
 * The flag the status job sets in `req.context` when it moves a course's status on schedule
 * (published → in_progress → completed). Other hooks on courses tell a scheduled move from a staff
 * edit with `isScheduledStatusMove(req.context)`: e.g. a "course cancelled" or "schedule changed"
 * notice must not fire for it, and the schedule checks are not re-run (only `status` changes).
 * Only server code can set `context`; no API caller can fake it.
 */
export const SCHEDULED_STATUS_MOVE = 'scheduledStatusMove'

export const isScheduledStatusMove = (context: Record<string, unknown> | null | undefined) => context?.[SCHEDULED_STATUS_MOVE] === true
