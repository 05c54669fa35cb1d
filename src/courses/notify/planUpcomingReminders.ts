import type { PayloadRequest } from 'payload'

import { loadActiveRules } from '../../automation/rules/activeRules'
import { SESSION_REMINDER_HORIZON_MS, sessionHorizonMs } from '../../automation/rules/instances'
import { planEnrollmentEmails } from '../../automation/rules/plan'
import { enrollmentMessage } from '../../enrollment/notify/enrollmentMessage'
import { inTransaction } from '../../enrollment/transaction'
import { getClock } from '../../utilities/clock'
import { sessionsOf } from '../sessions'

export const PLAN_REMINDERS_TASK = 'planCourseSessionReminders'
/** Confirmed students planned per transaction. */
const BATCH_SIZE = 50

/**
 * The rolling planner: every confirmed or waitlisted student of a course with a session starting
 * within the horizon gets what the email rules want queued (those already queued are left alone, so
 * each run adds only what came into the window). A 30-session course thus holds a few days of
 * reminders per student, not the whole term (docs/decisions/0011). The horizon is 48 h, or a
 * session rule's own offset plus a day when it is longer. Item-time rules ("3 days before the
 * course") were queued with their time when the person enrolled (docs/decisions/0023).
 */
export async function planUpcomingReminders(req: PayloadRequest): Promise<{ courses: number; enrollments: number }> {
  const now = getClock(req.payload).now()
  const rules = await loadActiveRules(req)
  const widest = Math.max(SESSION_REMINDER_HORIZON_MS, ...rules.filter((rule) => rule.timing === 'each_session').map(sessionHorizonMs))
  const horizon = new Date(now.getTime() + widest)
  const { docs: candidates } = await req.payload.find({
    collection: 'courses',
    where: { and: [{ status: { in: ['published', 'in_progress'] } }, { 'modules.sessions.date': { greater_than: now.toISOString() } }] },
    select: { modules: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const courses = candidates.filter((course) => sessionsOf(course).some((session) => session.startsAt > now && session.startsAt <= horizon))
  let enrollments = 0
  for (const course of courses) {
    const { docs } = await req.payload.find({
      collection: 'enrollments',
      where: { and: [{ 'item.relationTo': { equals: 'courses' } }, { 'item.value': { equals: course.id } }, { status: { in: ['confirmed', 'waitlisted'] } }] },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    for (let start = 0; start < docs.length; start += BATCH_SIZE) {
      await inTransaction(req, async () => {
        for (const enrollment of docs.slice(start, start + BATCH_SIZE)) {
          const message = await enrollmentMessage(req, enrollment)
          if (message) await planEnrollmentEmails(req, message, { rules })
        }
      })
    }
    enrollments += docs.length
  }
  return { courses: courses.length, enrollments }
}
