import type { Payload, PayloadRequest, Where } from 'payload'

import { endEnrollment } from '../../enrollment/cancel'
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

interface DemoItem {
  collection: 'webinars' | 'courses'
  id: number
  startsAt: Date
  /** Who holds which enrollment on this item, as the story goes. */
  enrollments: Map<ParticipantKey, number>
}

interface Step {
  at: Date
  item: DemoItem
  action: Action
}

/**
 * The demo's people, enrollments, payments and emails, made by replaying each item's story
 * (stories.ts) through the product's own functions at the moment each step happened (replay.ts):
 * `register` for registrations, `endEnrollment` for cancellations, the webhook's functions with
 * Stripe's events for payments and refunds (stripeHistory.ts), the Local API with the acting
 * person's own access for attendance and ratings, and the worker's `deliverEmail` for every email
 * that was due (deliverDueEmails.ts). Nothing writes a counter or a status by hand, so each number
 * the dashboard shows is a count of these rows.
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
    for (const { day, action } of story.steps) timeline.push({ at: new Date(origin + day * DAY), item, action })
  }
  if (!timeline.length) return 0
  timeline.sort((a, b) => a.at.getTime() - b.at.getTime())
  const firstSeen = new Map<ParticipantKey, Date>()
  for (const { action, at } of timeline) if (action.do === 'register' && !firstSeen.has(action.who)) firstSeen.set(action.who, at)
  const people = await ensurePeople(payload, firstSeen)
  const emailsBefore = await lastEmailId(payload)
  const admin = await payload.find({ collection: 'users', where: { roles: { in: ['admin'] } }, sort: 'id', limit: 1, depth: 0, overrideAccess: true })
  const staff = admin.docs[0] ? { ...admin.docs[0], collection: 'users' as const } : undefined
  let created = 0
  for (const step of timeline) {
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
  return { collection: story.item.collection, id: doc.id, startsAt: new Date(startsAt), enrollments: new Map() }
}

async function play(req: PayloadRequest, { item, action }: Step, people: Map<ParticipantKey, number>, staff: Record<string, unknown> | undefined): Promise<number> {
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
      for (const who of action.who) {
        await payload.update({ collection: 'enrollments', id: enrollmentOf(who), data: { attended: true }, depth: 0, user: staff, overrideAccess: false, req })
      }
      return 0
    case 'rate': {
      const participant = await payload.findByID({ collection: 'users', id: people.get(action.who)!, depth: 0, overrideAccess: true, req })
      await payload.update({
        collection: 'enrollments',
        id: enrollmentOf(action.who),
        data: { feedbackRating: action.rating, feedbackComment: action.comment },
        depth: 0,
        user: { ...participant, collection: 'users' },
        overrideAccess: false,
        req,
      })
      return 0
    }
    case 'complete':
      await payload.update({ collection: item.collection, id: item.id, data: { status: 'completed' }, depth: 0, user: staff, overrideAccess: false, req })
      return 0
  }
}
