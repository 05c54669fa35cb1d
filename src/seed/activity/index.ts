import { createLocalReq, type Payload, type PayloadRequest, type Where } from 'payload'

import { recordMany } from '../../attendance/record'
import { issueCertificate, revokeCertificate } from '../../certificates/issue'
import { ISSUE_CERTIFICATE_TASK } from '../../certificates/issueTask'
import { planUpcomingReminders } from '../../courses/notify/planUpcomingReminders'
import { sessionsOf, type CourseSession } from '../../courses/sessions'
import { moveCourseStatuses } from '../../courses/status/moveCourseStatuses'
import { endEnrollment } from '../../enrollment/cancel'
import { submitFeedback } from '../../feedback/submit'
import { sendDueFollowUps } from '../../followUps/sendDue'
import { register } from '../../enrollment/register'
import { paymentOfEnrollment } from '../../payments/payments'
import { getClock } from '../../utilities/clock'
import { deliverDueEmails, lastEmailId } from './deliverDueEmails'
import { ensurePeople } from './ensurePeople'
import type { ParticipantKey } from './people'
import { replayAt } from './replay'
import { STORIES, type Action, type Story } from './stories'
import { payAsStripeWould, refundAsStripeWould } from './stripeHistory'

const DAY = 24 * 60 * 60 * 1000
const MINUTE = 60 * 1000

interface DemoItem {
  collection: 'webinars' | 'courses'
  id: number
  startsAt: Date
  /** Who holds which enrollment on this item, as the story goes. */
  enrollments: Map<ParticipantKey, number>
  /** A course's dated sessions, earliest first (empty for a webinar). */
  sessions: CourseSession[]
}

interface Step {
  at: Date
  item: DemoItem
  action: Action
}

/** Who acts in the admin: the first admin (closes webinars, checks off who came, issues and revokes certificates) and the course's instructor. */
interface Staff {
  admin?: Record<string, unknown>
  instructor?: Record<string, unknown>
}

/**
 * The demo's people, enrollments, payments and emails, made by replaying each item's story
 * (stories.ts) through the product's own functions at the moment each step happened (replay.ts):
 * `register` for registrations, `endEnrollment` for cancellations, the webhook's functions with
 * Stripe's events for payments and refunds (stripeHistory.ts), the attendance service (`recordMany`,
 * as the roster, the participants page and the report import use it) for who came, the scheduled
 * jobs' own functions for course statuses, session reminders and follow-ups (`sendDueFollowUps`),
 * the issue jobs completion queued and staff's `issueCertificate`/`revokeCertificate` for
 * certificates, `submitFeedback` (what the signed feedback page calls) for ratings, and the worker's
 * `deliverEmail` for every email as it came due (deliverDueEmails.ts). Nothing writes a counter or a
 * status by hand, so each number the dashboard shows is a count of these rows.
 *
 * Steps of every story run in time order (accounts first: ensurePeople.ts). An item that already
 * has enrollments keeps them and its story is skipped: running the seed again adds nothing.
 */
export async function seedActivity(payload: Payload): Promise<number> {
  const now = getClock(payload).now()
  const timeline: Step[] = []
  for (const story of STORIES) {
    const item = await untouchedItem(payload, story)
    if (!item) continue
    const origin = story.from === 'start' ? item.startsAt.getTime() : now.getTime()
    for (const step of story.steps) {
      const at = 'day' in step ? new Date(origin + step.day * DAY) : new Date(item.sessions[step.session]!.startsAt.getTime() + step.minutes * MINUTE)
      if (at <= now) timeline.push({ at, item, action: step.action })
    }
  }
  if (!timeline.length) return 0
  timeline.sort((a, b) => a.at.getTime() - b.at.getTime())
  const firstSeen = new Map<ParticipantKey, Date>()
  for (const { action, at } of timeline) if (action.do === 'register' && !firstSeen.has(action.who)) firstSeen.set(action.who, at)
  const people = await ensurePeople(payload, firstSeen)
  const emailsBefore = await lastEmailId(payload)
  const staff = await demoStaff(payload)
  let created = 0
  for (const step of timeline) {
    // The worker sends what came due before this step: a certificate email goes out before staff revoke it.
    await deliverDueEmails(payload, step.at, emailsBefore)
    created += await replayAt(payload, step.at, (req) => play(req, step, people, staff))
  }
  await deliverDueEmails(payload, now, emailsBefore)
  return created
}

/** The item of a story, when it exists and nothing has been enrolled in it yet. */
async function untouchedItem(payload: Payload, story: Story): Promise<DemoItem | null> {
  const where: Where = 'slug' in story.item ? { slug: { equals: story.item.slug } } : { courseCode: { equals: story.item.courseCode } }
  const { docs } = await payload.find({ collection: story.item.collection, where, limit: 1, depth: 0, overrideAccess: true })
  const doc = docs[0] as { id: number; startsAt?: string; startDate?: string; status?: string; seatsTaken?: number | null } | undefined
  const startsAt = doc?.startsAt ?? doc?.startDate
  if (!doc || !startsAt) return null
  const enrolled = await payload.count({
    collection: 'enrollments',
    where: { and: [{ 'item.relationTo': { equals: story.item.collection } }, { 'item.value': { equals: doc.id } }] },
    overrideAccess: true,
  })
  if (enrolled.totalDocs > 0) return null
  // Databases seeded before the demo had real enrollments carry a made-up seat count (and a past
  // webinar already closed): back to how the item stood before its story, which then fills it for real.
  if (doc.seatsTaken || (story.from === 'start' && doc.status !== 'published')) {
    await payload.update({ collection: story.item.collection, id: doc.id, data: { seatsTaken: 0, status: 'published' }, depth: 0, overrideAccess: true })
  }
  const sessions = story.item.collection === 'courses' ? sessionsOf(doc as never) : []
  return { collection: story.item.collection, id: doc.id, startsAt: new Date(startsAt), enrollments: new Map(), sessions }
}

async function demoStaff(payload: Payload): Promise<Staff> {
  const first = async (where: Where) => {
    const { docs } = await payload.find({ collection: 'users', where, sort: 'id', limit: 1, depth: 0, overrideAccess: true })
    return docs[0] ? { ...docs[0], collection: 'users' as const } : undefined
  }
  return { admin: await first({ roles: { in: ['admin'] } }), instructor: await first({ email: { equals: 'instructor@aula.local' } }) }
}

/** Marks a course session or a webinar: the people named present, every other confirmed person absent. */
async function markAttendance(req: PayloadRequest, item: DemoItem, session: CourseSession | null, present: Set<ParticipantKey>, source: 'roster' | 'import', minutes: Partial<Record<ParticipantKey, number>> = {}) {
  const marks = [...item.enrollments].map(([who, enrollmentId]) => ({ enrollmentId, present: present.has(who), ...(minutes[who] === undefined ? {} : { minutesAttended: minutes[who] }) }))
  const { docs: confirmed } = await req.payload.find({
    collection: 'enrollments',
    where: { and: [{ id: { in: marks.map((mark) => mark.enrollmentId) } }, { status: { equals: 'confirmed' } }] },
    select: {},
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const confirmedIds = new Set(confirmed.map((enrollment) => enrollment.id))
  await recordMany(
    req,
    { collection: item.collection, itemId: item.id, sessionId: session?.id ?? null, source, marks: marks.filter((mark) => confirmedIds.has(mark.enrollmentId)) },
    { overrideAccess: true },
  )
}

const staffId = (user: Record<string, unknown> | undefined) => (user ? Number(user.id) : null)

/** A request acting as `user` (the attendance service stamps who recorded it), on the replayed clock. */
const actingAs = (req: PayloadRequest, user: Record<string, unknown> | undefined) => (user ? createLocalReq({ user: user as never }, req.payload) : Promise.resolve(req))

async function play(req: PayloadRequest, { item, action }: Step, people: Map<ParticipantKey, number>, staff: Staff): Promise<number> {
  const { payload } = req
  const enrollmentOf = (who: ParticipantKey) => item.enrollments.get(who)!
  switch (action.do) {
    case 'register': {
      const { enrollment } = await register(req, { collection: item.collection, itemId: item.id, person: { userId: people.get(action.who)! }, source: 'web' })
      item.enrollments.set(action.who, Number(enrollment.id))
      if (action.pay && enrollment.status === 'pending_payment') await payAsStripeWould(req, enrollment)
      return 1
    }
    case 'cancel':
      await endEnrollment(req, enrollmentOf(action.who), { reason: action.reason })
      return 0
    case 'refund': {
      const payment = await paymentOfEnrollment(req, enrollmentOf(action.who))
      if (payment) await refundAsStripeWould(req, payment)
      return 0
    }
    case 'attend':
      await markAttendance(await actingAs(req, staff.admin), item, null, new Set(action.who), 'roster')
      return 0
    case 'takeRoll':
      await markAttendance(await actingAs(req, staff.instructor), item, item.sessions[action.session]!, new Set(action.present), action.source, action.minutes)
      return 0
    case 'runJob':
      if (action.job === 'courseStatuses') await moveCourseStatuses(req)
      else if (action.job === 'sessionReminders') await planUpcomingReminders(req)
      else if (action.job === 'followUps') await sendDueFollowUps(req)
      else await runQueuedCertificateJobs(payload)
      return 0
    case 'issueCertificate':
      await issueCertificate(payload, { enrollmentId: enrollmentOf(action.who), note: action.note, issuedBy: staffId(staff.admin) }, req)
      return 0
    case 'revokeCertificate': {
      const { docs } = await payload.find({ collection: 'certificates', where: { and: [{ enrollment: { equals: enrollmentOf(action.who) } }, { status: { equals: 'valid' } }] }, limit: 1, depth: 0, overrideAccess: true, req })
      await revokeCertificate(payload, { certificateId: docs[0]!.id as number, reason: action.reason, revokedBy: staffId(staff.admin) }, req)
      return 0
    }
    case 'rate': {
      // Feedback is written only as the signed link writes it (src/feedback): once, by a confirmed participant.
      const { outcome } = await submitFeedback(payload, { enrollmentId: enrollmentOf(action.who), rating: action.rating, comment: action.comment }, req)
      if (outcome !== 'saved') throw new Error(`Demo feedback of ${action.who} was not saved: ${outcome}`)
      return 0
    }
    case 'complete':
      await payload.update({ collection: item.collection, id: item.id, data: { status: 'completed' }, depth: 0, user: staff.admin, overrideAccess: false, req })
      return 0
  }
}

/**
 * The worker's part for certificates: the issue jobs completion queued (src/certificates/issueTask.ts)
 * run by id, one after another, as the worker runs due jobs, on the replayed clock.
 */
async function runQueuedCertificateJobs(payload: Payload): Promise<void> {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: ISSUE_CERTIFICATE_TASK } }, { completedAt: { exists: false } }, { processing: { equals: false } }] },
    sort: 'id',
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  for (const job of docs) await payload.jobs.runByID({ id: job.id, silent: true })
}
