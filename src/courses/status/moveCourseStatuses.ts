import type { PayloadRequest, Where } from 'payload'

import { getClock } from '../../utilities/clock'
import { sessionsOf } from '../sessions'
import { SCHEDULED_STATUS_MOVE } from './context'
import { scheduledStatus } from './scheduledStatus'

export interface StatusMove {
  id: number
  from: string
  to: string
}

/**
 * Moves every course whose schedule has moved on: published → in_progress when its first session
 * starts, published/in_progress → completed when its last one has ended. Courses with
 * `manualStatus` ticked, drafts and cancelled courses are never touched. Idempotent: a course
 * already where its schedule says is left alone, and each update only applies if the course still
 * has the status and the unticked `manualStatus` it was read with (a staff edit in between wins).
 */
export async function moveCourseStatuses(req: PayloadRequest): Promise<StatusMove[]> {
  const { payload } = req
  const now = getClock(payload).now()
  const automatic: Where = { manualStatus: { not_equals: true } }
  const { docs } = await payload.find({
    collection: 'courses',
    where: {
      and: [automatic, { or: [{ and: [{ status: { equals: 'published' } }, { 'modules.sessions.date': { less_than_equal: now.toISOString() } }] }, { status: { equals: 'in_progress' } }] }],
    },
    select: { status: true, modules: true, modality: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const moves: StatusMove[] = []
  for (const course of docs) {
    const target = scheduledStatus(course.status, sessionsOf(course as never), now)
    if (!target) continue
    const { docs: updated } = await payload.update({
      collection: 'courses',
      where: { and: [{ id: { equals: course.id } }, { status: { equals: course.status } }, automatic] },
      data: { status: target },
      context: { [SCHEDULED_STATUS_MOVE]: true },
      depth: 0,
      overrideAccess: true,
      req,
    })
    if (updated.length) moves.push({ id: course.id, from: course.status, to: target })
  }
  return moves
}
