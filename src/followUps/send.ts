import type { PayloadRequest, Where } from 'payload'

import { followUpRulesOf, recipientTimeZone } from '../automation/rules/followUpRules'
import { type CourseWithSessions, sessionsOf } from '../courses/sessions'
import { queueEmail } from '../email/queueEmail'
import { ALLOWED_VARIABLES, toEmailLocale } from '../email/templateVariables'
import { feedbackUrlFor } from '../enrollment/cancelToken'
import type { ItemCollection } from '../enrollment/statuses'
import { inTransaction } from '../enrollment/transaction'
import { getBusinessSettings } from '../settings/businessSettings'
import { getClock } from '../utilities/clock'
import { itemEndsAt } from './itemEnd'
import { materialsHtml, materialsOf, type Material } from './materials'
import { followUpDedupeKey, followUpEmailsFor } from './ruleEmails'
import { moveFollowUp, readFollowUp } from './state'

/** Confirmed people per transaction: a webinar of hundreds is several short transactions, never one long one. */
export const FOLLOW_UP_BATCH_SIZE = 100

export { followUpDedupeKey }

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
 * `followup_released`. Which of these go out, and staff's own follow-up rules besides, the email rules
 * on for the item decide (src/automation/rules/followUpRules.ts). Safe to run again at any point: each
 * person's email has one dedupe key, and the state moves only from what it was read as.
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
  const rules = await followUpRulesOf(req, collection, item)
  const businessZone = (await getBusinessSettings(req.payload, req)).timezone
  const startsAt = shared.variables.startsAt ? new Date(shared.variables.startsAt) : null
  const endsAt = itemEndsAt(collection, item)
  let handled = 0
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
        select: { email: true, firstName: true, lastName: true, language: true, timezone: true },
        depth: 0,
        pagination: false,
        overrideAccess: true,
        req,
      })
      const userById = new Map(users.map((user) => [user.id as number, user]))
      for (const enrollment of batch) {
        const user = userById.get(idOf(enrollment.user))
        const timeZone = recipientTimeZone(user as { timezone?: unknown } | undefined, item.timezone, businessZone)
        const emails = followUpEmailsFor({ id: enrollment.id as number, attended: Boolean(enrollment.attended) }, rules, { mode, now, startsAt, endsAt, timeZone })
        // Counted as before rules (an unusable address included): the people a stock follow-up was for.
        if (emails.some((email) => email.dedupeKey === followUpDedupeKey(enrollment.id as number))) handled += 1
        if (!user?.email) continue
        const locale = toEmailLocale(user.language)
        for (const email of emails) {
          await queueEmail(req, {
            templateKey: email.templateKey,
            to: { email: String(user.email), language: user.language },
            dedupeKey: email.dedupeKey,
            relatedDocument: { relationTo: 'enrollments', value: enrollment.id as number },
            scheduledFor: email.scheduledFor,
            rule: email.rule?.id,
            variables: {
              firstName: user.firstName ?? '',
              lastName: user.lastName ?? '',
              email: user.email,
              ...shared.variables,
              materials: materialsHtml(shared.materials, locale),
              ...(ALLOWED_VARIABLES[email.templateKey].includes('feedbackUrl') ? { feedbackUrl: feedbackUrlFor(req, enrollment.id as number) } : {}),
            },
          })
        }
      }
    })
  }
  await moveFollowUp(req, collection, itemId, mode === 'released' ? ['released'] : ['scheduled', 'on_hold'], 'sent', { sent: handled })
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
