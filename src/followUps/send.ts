import type { PayloadRequest, Where } from 'payload'

import { type CourseWithSessions, sessionsOf } from '../courses/sessions'
import { queueEmail } from '../email/queueEmail'
import { type EmailTemplateKey, toEmailLocale } from '../email/templateVariables'
import { feedbackUrlFor } from '../enrollment/cancelToken'
import type { ItemCollection } from '../enrollment/statuses'
import { inTransaction } from '../enrollment/transaction'
import { getClock } from '../utilities/clock'
import { materialsHtml, materialsOf, type Material } from './materials'
import { moveFollowUp, readFollowUp } from './state'

/** Confirmed people per transaction: a webinar of hundreds is several short transactions, never one long one. */
export const FOLLOW_UP_BATCH_SIZE = 100

/** One follow-up per enrollment, ever, whichever of the three templates it was. */
export const followUpDedupeKey = (enrollmentId: number) => `followup:${enrollmentId}`

export type FollowUpOutcome = 'not_due' | 'on_hold' | 'sent' | 'nothing_to_do'

const idOf = (value: unknown) => (typeof value === 'object' && value ? (value as { id: number }).id : Number(value))
const onItem = (collection: ItemCollection, itemId: number): Where[] => [{ 'item.relationTo': { equals: collection } }, { 'item.value': { equals: itemId } }]

/** Has anyone's attendance been written for this item (present or absent, any session)? */
export async function attendanceRecorded(req: PayloadRequest, collection: ItemCollection, itemId: number): Promise<boolean> {
  const { totalDocs } = await req.payload.count({ collection: 'attendance', where: { and: onItem(collection, itemId) }, overrideAccess: true, req })
  return totalDocs > 0
}

export const countConfirmed = async (req: PayloadRequest, collection: ItemCollection, itemId: number) =>
  (await req.payload.count({ collection: 'enrollments', where: { and: [...onItem(collection, itemId), { status: { equals: 'confirmed' } }] }, overrideAccess: true, req })).totalDocs

/**
 * One item's follow-ups, when their time has come (docs/decisions/0013-follow-ups.md). Attendance
 * recorded: attendees get `followup_attended`, the other confirmed people `followup_missed`. None
 * recorded: the item goes on hold and nothing is sent. Released by staff: everyone confirmed gets
 * `followup_released`. Safe to run again at any point: each person's email has one dedupe key, and
 * the state moves only from what it was read as.
 */
export async function sendFollowUpsOf(req: PayloadRequest, collection: ItemCollection, itemId: number, { batchSize = FOLLOW_UP_BATCH_SIZE } = {}): Promise<FollowUpOutcome> {
  const stored = await readFollowUp(req, collection, itemId)
  const now = getClock(req.payload).now()
  if (!stored || stored.status === 'sent' || ['draft', 'cancelled'].includes(stored.itemStatus)) return 'nothing_to_do'
  if (!stored.dueAt || stored.dueAt > now) return 'not_due'

  let mode: 'split' | 'released'
  if (stored.status === 'released') mode = 'released'
  else if (await attendanceRecorded(req, collection, itemId)) mode = 'split'
  else {
    // Nothing goes out on a guess: staff see how many wait and decide (release, or record attendance first).
    await moveFollowUp(req, collection, itemId, ['scheduled', 'on_hold'], 'on_hold', { waiting: await countConfirmed(req, collection, itemId) })
    return 'on_hold'
  }

  const item = (await req.payload.findByID({ collection, id: itemId, depth: 0, overrideAccess: true, req })) as unknown as Record<string, unknown>
  const shared = await sharedVariables(req, collection, item)
  const { docs: enrollments } = await req.payload.find({
    collection: 'enrollments',
    where: { and: [...onItem(collection, itemId), { status: { equals: 'confirmed' } }] },
    select: { user: true, attended: true },
    sort: 'id',
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  for (let start = 0; start < enrollments.length; start += batchSize) {
    const batch = enrollments.slice(start, start + batchSize)
    await inTransaction(req, async () => {
      const userIds = [...new Set(batch.map((enrollment) => idOf(enrollment.user)))]
      const { docs: users } = await req.payload.find({
        collection: 'users',
        where: { id: { in: userIds } },
        select: { email: true, firstName: true, lastName: true, language: true },
        depth: 0,
        pagination: false,
        overrideAccess: true,
        req,
      })
      const userById = new Map(users.map((user) => [user.id as number, user]))
      for (const enrollment of batch) {
        const user = userById.get(idOf(enrollment.user))
        if (!user?.email) continue
        const templateKey: EmailTemplateKey = mode === 'released' ? 'followup_released' : enrollment.attended ? 'followup_attended' : 'followup_missed'
        const locale = toEmailLocale(user.language)
        await queueEmail(req, {
          templateKey,
          to: { email: String(user.email), language: user.language },
          dedupeKey: followUpDedupeKey(enrollment.id as number),
          relatedDocument: { relationTo: 'enrollments', value: enrollment.id as number },
          variables: {
            firstName: user.firstName ?? '',
            lastName: user.lastName ?? '',
            email: user.email,
            ...shared.variables,
            materials: materialsHtml(shared.materials, locale),
            ...(templateKey === 'followup_missed' ? {} : { feedbackUrl: feedbackUrlFor(req, enrollment.id as number) }),
          },
        })
      }
    })
  }
  await moveFollowUp(req, collection, itemId, mode === 'released' ? ['released'] : ['scheduled', 'on_hold'], 'sent', { sent: enrollments.length })
  return 'sent'
}

/** What every person's email says about the item: its title, start (in its zone), page, recording and materials. */
async function sharedVariables(req: PayloadRequest, collection: ItemCollection, item: Record<string, unknown>): Promise<{ variables: Record<string, string>; materials: Material[] }> {
  const { recordingUrl, materials } = await materialsOf(req, collection, item)
  const siteUrl = (req.payload.config.custom?.siteUrl as string | undefined) ?? req.payload.config.serverURL
  const startsAt = collection === 'webinars' ? item.startsAt : (sessionsOf(item as CourseWithSessions)[0]?.startsAt ?? item.startDate)
  return {
    materials,
    variables: {
      title: String(item.title ?? ''),
      startsAt: startsAt ? new Date(startsAt as string).toISOString() : '',
      timezone: String(item.timezone || 'America/Lima'),
      itemUrl: `${siteUrl}/${collection}/${item.slug ?? item.id}`,
      recordingUrl,
    },
  }
}
