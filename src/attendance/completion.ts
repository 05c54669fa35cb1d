import type { PayloadRequest, Where } from 'payload'

import { planCompletionEmails } from '../automation/rules/enrollmentChange'
import { queueCertificatesFor } from '../certificates/issueTask'
import { sessionsOf, type CourseSession, type CourseWithSessions } from '../courses/sessions'
import { recordRawUpdate } from '../audit/rawWrites'
import { sql, sqlFor } from '../enrollment/transaction'
import type { ItemCollection } from '../enrollment/statuses'
import { getClock } from '../utilities/clock'

/** A course's threshold when staff left it empty (the field's own default). */
export const DEFAULT_COMPLETION_THRESHOLD = 80

export interface CompletionState {
  attended: boolean
  /** `null` while nothing is recorded for the enrollment. */
  completionPercentage: number | null
  completedAt: string | null
}

type RecordLike = { sessionId?: string | null; present?: boolean | null }

/**
 * What an enrollment's attendance adds up to. A course: the minutes of the sessions marked present over
 * the minutes of every dated session (a removed session no longer counts either way); completed from
 * the threshold on, keeping the first time it got there. A webinar: present is attended and completed.
 */
export function completionOf(
  target: { collection: ItemCollection; sessions: CourseSession[]; threshold: number },
  records: RecordLike[],
  previous: { completedAt?: string | null },
  now: Date,
): CompletionState {
  const completed = (done: boolean) => (done ? (previous.completedAt ?? now.toISOString()) : null)
  if (target.collection === 'webinars') {
    const record = records.find((row) => !row.sessionId)
    if (!record) return { attended: false, completionPercentage: null, completedAt: null }
    const present = Boolean(record.present)
    return { attended: present, completionPercentage: present ? 100 : 0, completedAt: completed(present) }
  }
  const presentAt = new Set(records.filter((row) => row.present && row.sessionId).map((row) => row.sessionId as string))
  const counted = target.sessions.filter((session) => records.some((row) => row.sessionId === session.id))
  if (!counted.length) return { attended: false, completionPercentage: null, completedAt: null }
  const totalMinutes = target.sessions.reduce((sum, session) => sum + session.durationMinutes, 0)
  const attendedMinutes = target.sessions.filter((session) => presentAt.has(session.id)).reduce((sum, session) => sum + session.durationMinutes, 0)
  const completionPercentage = totalMinutes ? Math.round((attendedMinutes / totalMinutes) * 100) : 0
  return {
    attended: attendedMinutes > 0,
    completionPercentage,
    completedAt: completed(completionPercentage >= target.threshold),
  }
}

export interface CompletionTarget {
  collection: ItemCollection
  itemId: number
  sessions: CourseSession[]
  threshold: number
}

/** The item's sessions and threshold, as completion reads them. */
export async function completionTargetOf(req: PayloadRequest, collection: ItemCollection, itemId: number): Promise<CompletionTarget | null> {
  if (collection === 'webinars') return { collection, itemId, sessions: [], threshold: 100 }
  const course = (await req.payload.findByID({ collection: 'courses', id: itemId, depth: 0, overrideAccess: true, disableErrors: true, trash: true, select: { modules: true, modality: true, location: true, completionThreshold: true } as never, req })) as
    | (CourseWithSessions & { completionThreshold?: number | null })
    | null
  if (!course) return null
  return { collection, itemId, sessions: sessionsOf(course), threshold: course.completionThreshold ?? DEFAULT_COMPLETION_THRESHOLD }
}

const sameState = (a: CompletionState, b: CompletionState) =>
  a.attended === b.attended && a.completionPercentage === b.completionPercentage && (a.completedAt ? new Date(a.completedAt).getTime() : null) === (b.completedAt ? new Date(b.completedAt).getTime() : null)

/**
 * Recomputes `attended`, `completionPercentage` and `completedAt` of the item's enrollments (all of
 * them, or `enrollmentIds`) from their attendance rows, and writes only those that changed. The
 * columns are computed, so they are written below Payload's hooks (nothing to notify, no access to ask),
 * grouped by value: one statement per distinct result, inside the request's transaction.
 */
export async function recomputeCompletion(req: PayloadRequest, target: CompletionTarget, enrollmentIds?: number[]): Promise<{ changed: number; states: Map<number, CompletionState> }> {
  const states = new Map<number, CompletionState>()
  if (enrollmentIds && !enrollmentIds.length) return { changed: 0, states }
  const onItem: Where[] = [{ 'item.relationTo': { equals: target.collection } }, { 'item.value': { equals: target.itemId } }]
  const { docs: enrollments } = await req.payload.find({
    collection: 'enrollments',
    where: { and: [...onItem, ...(enrollmentIds ? [{ id: { in: enrollmentIds } }] : [])] },
    select: { attended: true, completionPercentage: true, completedAt: true, user: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  if (!enrollments.length) return { changed: 0, states }
  const ids = enrollments.map((doc) => doc.id as number)
  const { docs: rows } = await req.payload.find({
    collection: 'attendance',
    where: { enrollment: { in: ids } },
    select: { enrollment: true, sessionId: true, present: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const recordsOf = new Map<number, RecordLike[]>()
  for (const row of rows) {
    const enrollmentId = (typeof row.enrollment === 'object' ? row.enrollment.id : row.enrollment) as number
    recordsOf.set(enrollmentId, [...(recordsOf.get(enrollmentId) ?? []), row])
  }
  const now = getClock(req.payload).now()
  const groups = new Map<string, number[]>()
  const justCompleted: number[] = []
  const changedDocs: { id: number; user: unknown; current: CompletionState; next: CompletionState }[] = []
  for (const doc of enrollments) {
    const current: CompletionState = { attended: Boolean(doc.attended), completionPercentage: doc.completionPercentage ?? null, completedAt: doc.completedAt ?? null }
    const next = completionOf(target, recordsOf.get(doc.id as number) ?? [], current, now)
    states.set(doc.id as number, next)
    if (sameState(current, next)) continue
    if (!current.completedAt && next.completedAt) justCompleted.push(doc.id as number)
    changedDocs.push({ id: doc.id as number, user: doc.user, current, next })
    const key = JSON.stringify(next)
    groups.set(key, [...(groups.get(key) ?? []), doc.id as number])
  }
  const db = await sqlFor(req)
  for (const [key, groupIds] of groups) {
    const state = JSON.parse(key) as CompletionState
    await db.execute(sql`
      UPDATE enrollments
         SET attended = ${state.attended}, completion_percentage = ${state.completionPercentage}, completed_at = ${state.completedAt}
       WHERE id IN (${sql.join(groupIds.map((id) => sql`${id}`), sql`, `)})`)
  }
  // Written below the hooks, so logged here: one INSERT per changed enrollment (src/audit, docs/audit.md).
  for (const changed of changedDocs) {
    const person = typeof changed.user === 'object' && changed.user ? (changed.user as { id: number }).id : (changed.user as number | null)
    await recordRawUpdate(req, 'enrollments', changed.id, { ...changed.current }, { ...changed.next }, person)
  }
  // Completion earns a certificate (src/certificates): queued here, so it commits or rolls back with the attendance.
  await queueCertificatesFor(req, justCompleted)
  // And any email rule on the `completed` event (src/automation/rules/enrollmentChange.ts), in the same transaction.
  await planCompletionEmails(req, justCompleted)
  return { changed: [...groups.values()].reduce((sum, group) => sum + group.length, 0), states }
}
