import type { CollectionAfterChangeHook, Where } from 'payload'

import { sessionsOf, type CourseWithSessions } from '../../courses/sessions'
import { completionTargetOf, DEFAULT_COMPLETION_THRESHOLD, recomputeCompletion } from '../completion'
import { RECOMPUTE_COMPLETION_TASK } from '../recomputeTask'

/** Up to this many enrollments are recomputed in the save itself; a bigger course is left to a job. */
export const INLINE_RECOMPUTE_LIMIT = 200

type CourseDoc = CourseWithSessions & { id: number; completionThreshold?: number | null }

/** What completion reads of a course: every dated session's id and length, and the threshold. */
const completionInputs = (course: CourseDoc | undefined) =>
  course
    ? JSON.stringify([course.completionThreshold ?? DEFAULT_COMPLETION_THRESHOLD, sessionsOf(course).map((session) => [session.id, session.durationMinutes])])
    : ''

/** A session added, removed, moved in or out of the schedule, or lengthened, or a new threshold: every enrollment's completion again. */
export const recomputeOnCourseChange: CollectionAfterChangeHook = async ({ req, doc, previousDoc, operation }) => {
  if (operation !== 'update' || completionInputs(doc as CourseDoc) === completionInputs(previousDoc as CourseDoc)) return doc
  const where: Where = { and: [{ 'item.relationTo': { equals: 'courses' } }, { 'item.value': { equals: doc.id } }] }
  const { totalDocs } = await req.payload.count({ collection: 'enrollments', where, overrideAccess: true, req })
  if (!totalDocs) return doc
  if (totalDocs > INLINE_RECOMPUTE_LIMIT) {
    await req.payload.jobs.queue({ task: RECOMPUTE_COMPLETION_TASK as never, input: { collection: 'courses', itemId: doc.id } as never, req })
    return doc
  }
  const target = await completionTargetOf(req, 'courses', doc.id)
  if (target) await recomputeCompletion(req, target)
  return doc
}
