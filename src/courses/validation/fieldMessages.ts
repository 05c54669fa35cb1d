import type { PayloadRequest } from 'payload'

import type { ScheduleError } from './context'

/** Where `checkSchedule` leaves each save's schedule errors for the session fields' own `validate` to report. */
const SCHEDULE_ERRORS = 'courseScheduleErrors'

type DocumentId = number | string | null | undefined
type ErrorsByDocument = Map<string, Map<string, string>>

// A bulk update runs its documents side by side on one request: keep each document's errors apart.
const keyOf = (id: DocumentId) => (id === null || id === undefined ? 'new' : String(id))

/**
 * The schedule is checked once per save by the course's `beforeChange` hook, which sees the whole
 * course and what it was before; each session field then reports its own message from here, so the
 * errors come back with Payload's other field errors in one 400, each on its path.
 */
export function keepScheduleErrors(req: PayloadRequest, id: DocumentId, errors: ScheduleError[]): void {
  const byDocument = (req.context[SCHEDULE_ERRORS] as ErrorsByDocument | undefined) ?? new Map()
  byDocument.set(keyOf(id), new Map(errors.map(({ path, message }) => [path, message])))
  req.context[SCHEDULE_ERRORS] = byDocument
}

/** A field `validate` for session fields: the message the schedule check left for this document and path, else `true`. Without one (the admin's form state) the server's save decides. */
export function scheduleMessageFor(options: { req?: Partial<PayloadRequest>; id?: DocumentId; path?: (number | string)[] }): string | true {
  const byDocument = options.req?.context?.[SCHEDULE_ERRORS]
  if (!(byDocument instanceof Map) || !options.path) return true
  return (byDocument as ErrorsByDocument).get(keyOf(options.id))?.get(options.path.join('.')) ?? true
}
