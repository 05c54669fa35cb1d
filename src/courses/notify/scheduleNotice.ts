import type { PayloadRequest } from 'payload'

import { queueEmail } from '../../email/queueEmail'
import { calendarAttachment } from '../../email/calendarInvite'
import { toEmailLocale } from '../../email/templateVariables'
import { inviteFor, sessionEvent } from '../../enrollment/notify/calendar'
import { type EnrollmentMessage, enrollmentMessage } from '../../enrollment/notify/enrollmentMessage'
import { loadActiveRules } from '../../automation/rules/activeRules'
import { replanEnrollmentEmails } from '../../automation/rules/plan'
import { inTransaction, sql, sqlFor } from '../../enrollment/transaction'
import { notifyCourseScheduleChanged } from '../../notifications/triggers/scheduleChanged'
import { getClock } from '../../utilities/clock'
import { changeListHtml } from './changeList'
import { diffSchedule, type NotifiedSession, readSnapshot, type ScheduleChange, snapshotOf } from './scheduleSnapshot'

/** Saves within this long of the last one are told in one notice. */
export const SCHEDULE_NOTICE_DELAY_MS = 5 * 60_000
export const CHECK_SCHEDULE_TASK = 'checkCourseScheduleChange'
export const SEND_NOTICES_TASK = 'sendCourseScheduleNotices'
/** Confirmed students handled per transaction by the sending job: a retry resumes, each email's dedupe key holds. */
export const NOTICE_BATCH_SIZE = 50

export interface CheckScheduleInput {
  courseId: number
  /** By the app clock: the job re-queues itself if a worker picks it up sooner. */
  dueAt: string
}

export interface SendNoticesInput {
  courseId: number
  /** The course's new scheduleSequence: names this notice (one per student) and goes into every calendar entry. */
  sequence: number
  changes: ScheduleChange[]
}

/**
 * After a save that changed the sessions: one delayed check per course. A check still waiting is
 * pushed back instead of adding another (trailing debounce), so a burst of saves is one notice.
 * The advisory lock keeps two concurrent saves from both queueing one.
 */
export async function queueScheduleCheck(req: PayloadRequest, courseId: number): Promise<void> {
  const dueAt = new Date(getClock(req.payload).now().getTime() + SCHEDULE_NOTICE_DELAY_MS)
  const db = await sqlFor(req)
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`course_schedule_check:${courseId}`}))`)
  const { rows } = await db.execute(sql`
    UPDATE payload_jobs
       SET input = jsonb_set(input, '{dueAt}', to_jsonb(${dueAt.toISOString()}::text)), wait_until = ${dueAt}, updated_at = now()
     WHERE task_slug = ${CHECK_SCHEDULE_TASK} AND (input->>'courseId')::int = ${courseId}
       AND completed_at IS NULL AND NOT COALESCE(processing, false) AND NOT COALESCE(has_error, false)
    RETURNING id`)
  if (rows.length) return
  await req.payload.jobs.queue({ task: CHECK_SCHEDULE_TASK as never, input: { courseId, dueAt: dueAt.toISOString() } as never, waitUntil: dueAt, req })
}

/**
 * The delayed check: compares the sessions now with what students were last told. Nothing changed
 * (a change and its undo) sends nothing. Otherwise, in one transaction, it records the new
 * snapshot, raises the calendar SEQUENCE and queues the sending job with the list of changes.
 */
export async function checkScheduleChange(req: PayloadRequest, input: CheckScheduleInput): Promise<{ outcome: string; changes: number }> {
  if (getClock(req.payload).now() < new Date(input.dueAt)) {
    await req.payload.jobs.queue({ task: CHECK_SCHEDULE_TASK as never, input: input as never, waitUntil: new Date(input.dueAt), req })
    return { outcome: 'not-due', changes: 0 }
  }
  return inTransaction(req, async () => {
    const db = await sqlFor(req)
    // One check at a time per course: a concurrent one waits and then finds the snapshot already updated.
    const locked = await db.execute(sql`SELECT notified_sessions, schedule_sequence FROM courses WHERE id = ${input.courseId} AND deleted_at IS NULL FOR UPDATE`)
    const course = await req.payload.findByID({ collection: 'courses', id: input.courseId, depth: 0, overrideAccess: true, disableErrors: true, req })
    if (!locked.rows.length || !course) return { outcome: 'course-gone', changes: 0 }
    if (course.status === 'cancelled') return { outcome: 'course-cancelled', changes: 0 }
    const told = readSnapshot(locked.rows[0].notified_sessions) ?? []
    const now = snapshotOf(course)
    const changes = diffSchedule(told, now)
    if (!changes.length) return { outcome: 'unchanged', changes: 0 }
    const sequence = Number(locked.rows[0].schedule_sequence ?? 0) + 1
    // Straight to the row: these two hidden fields are ours, and a full update would re-run the course's validation and hooks.
    await db.execute(sql`UPDATE courses SET notified_sessions = ${JSON.stringify(now)}::jsonb, schedule_sequence = ${sequence} WHERE id = ${input.courseId}`)
    await req.payload.jobs.queue({ task: SEND_NOTICES_TASK as never, input: { courseId: input.courseId, sequence, changes } satisfies SendNoticesInput as never, req })
    return { outcome: 'notified', changes: changes.length }
  })
}

const confirmedEnrollmentIds = async (req: PayloadRequest, courseId: number) => {
  const { docs } = await req.payload.find({
    collection: 'enrollments',
    where: { and: [{ 'item.relationTo': { equals: 'courses' } }, { 'item.value': { equals: courseId } }, { status: { equals: 'confirmed' } }] },
    select: {},
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return docs.map((doc) => Number(doc.id))
}

/**
 * The sending job: to every confirmed student, one `course_schedule_changed` email listing the
 * changes with the updated calendar (all current sessions, the new SEQUENCE) and, when sessions
 * were removed, a second file with METHOD:CANCEL for them; then their reminders follow the new times.
 */
export async function sendScheduleNotices(req: PayloadRequest, input: SendNoticesInput, batchSize = NOTICE_BATCH_SIZE): Promise<{ queued: number }> {
  const ids = await confirmedEnrollmentIds(req, input.courseId)
  const organizer = req.payload.email?.defaultFromAddress ?? 'aula@localhost'
  const rules = await loadActiveRules(req)
  let queued = 0
  for (let start = 0; start < ids.length; start += batchSize) {
    await inTransaction(req, async () => {
      for (const id of ids.slice(start, start + batchSize)) {
        const enrollment = await req.payload.findByID({ collection: 'enrollments', id, depth: 0, overrideAccess: true, disableErrors: true, req })
        if (enrollment?.status !== 'confirmed') continue
        const message = await enrollmentMessage(req, enrollment)
        if (!message) continue
        const removed = input.changes.filter((change) => change.kind === 'removed').map((change) => change.session)
        const result = await queueEmail(req, {
          templateKey: 'course_schedule_changed',
          to: message.to,
          dedupeKey: `course_schedule_changed:${id}:${input.sequence}`,
          relatedDocument: { relationTo: 'enrollments', value: id },
          variables: { ...message.variables, scheduleChanges: changeListHtml(input.changes, message.timezone, toEmailLocale(message.to.language)) },
          attachments: [...inviteFor({ ...message, scheduleSequence: input.sequence }, 'REQUEST', organizer), ...cancellationOf(message, removed, input.sequence, organizer)],
        })
        if (result.queued) queued += 1
        await notifyCourseScheduleChanged(req, enrollment, message, { sequence: input.sequence, changes: input.changes.length })
        await replanEnrollmentEmails(req, message, { rules, reason: 'the course schedule changed' })
      }
    })
  }
  return { queued }
}

/** Removed sessions leave the student's calendar through an iTIP CANCEL for their UIDs (the way Google and Outlook drop an entry). */
function cancellationOf(message: EnrollmentMessage, removed: NotifiedSession[], sequence: number, organizerEmail: string) {
  if (!removed.length) return []
  const events = removed.map((session) => sessionEvent(message, { ...session, startsAt: new Date(session.startsAt) }, sequence))
  return [calendarAttachment({ method: 'CANCEL', timezone: message.timezone, organizer: { email: organizerEmail, name: 'Aula' }, events }, 'sesiones-canceladas.ics')]
}
