import type { PayloadRequest } from 'payload'

import { fastPathsEnabled } from '../../config/fastPaths'
import { type CourseSession, sessionsOf } from '../../courses/sessions'
import type { EmailVariables } from '../../email/renderTemplate'
import { paymentOfEnrollment } from '../../payments/payments'
import { cancelUrlFor, payUrlFor } from '../cancelToken'
import type { ItemCollection } from '../statuses'
import { type Recipient, readRecipient } from './recipient'
import { readWebinarForMessage } from './webinarForMessage'

/** Everything an email about one enrollment needs: who, about what, when. Read fresh each time. */
export interface EnrollmentMessage {
  enrollmentId: number
  collection: ItemCollection
  itemId: number
  to: { email: string; language?: string | null }
  startsAt: Date | null
  durationMinutes: number
  timezone: string
  title: string
  summary: string
  meetingLink: string | null
  scheduleSequence: number
  /** A course's dated sessions, earliest first (empty for a webinar): its calendar file and reminders are per session. */
  sessions: CourseSession[]
  variables: EmailVariables
  /** What email rules need (src/automation/rules/plan.ts): the enrollment's status, the item's end, category and switched-off rules, the person's own zone. */
  status: string
  endsAt: Date | null
  categoryIds: number[]
  emailRulesOff: number[]
  recipientTimezone: string | null
}

/** What the message below reads of a webinar (`seatsLeft` and `timezone` bring their own columns: the collection's forceSelect). */
const WEBINAR_MESSAGE_FIELDS = {
  title: true,
  summary: true,
  slug: true,
  startsAt: true,
  timezone: true,
  durationMinutes: true,
  meetingLink: true,
  scheduleSequence: true,
  category: true,
  emailRulesOff: true,
  seatsLeft: true,
} as const

const idOf = (value: unknown) => (typeof value === 'object' && value ? (value as { id: number }).id : Number(value))

/** `person`: the enrollment's person when the caller has just read it (src/enrollment/notify/recipient.ts). */
export async function enrollmentMessage(req: PayloadRequest, enrollment: Record<string, any>, person?: Recipient | null): Promise<EnrollmentMessage | null> {
  const common = { depth: 0, overrideAccess: true, req, disableErrors: true } as const
  const user = person !== undefined ? person : await readRecipient(req, idOf(enrollment.user))
  const ref = enrollment.item as { relationTo: ItemCollection; value: unknown }
  if (!user || !ref?.relationTo) return null
  const itemId = idOf(ref.value)
  // A webinar's columns named (not its description, speakers or versions); a course's sessions need most of the row.
  const select = ref.relationTo === 'webinars' ? WEBINAR_MESSAGE_FIELDS : undefined
  // A webinar's by one plain statement unless fast paths are off (webinarForMessage.ts, docs/decisions/0034).
  const item = (
    ref.relationTo === 'webinars' && fastPathsEnabled()
      ? await readWebinarForMessage(req, itemId)
      : await req.payload.findByID({ collection: ref.relationTo, id: itemId, trash: true, select, ...common })
  ) as Record<string, any> | null
  if (!item) return null
  const isWebinar = ref.relationTo === 'webinars'
  const sessions = isWebinar ? [] : sessionsOf(item)
  const startsAtValue = isWebinar ? item.startsAt : (item.startDate ?? sessions[0]?.startsAt)
  const startsAt = startsAtValue ? new Date(startsAtValue) : null
  // Both keep their own zone: a webinar's comes from `startsAt_tz`, a course's is its `timezone` field.
  const timezone = item.timezone || 'America/Lima'
  const siteUrl = (req.payload.config.custom?.siteUrl as string | undefined) ?? req.payload.config.serverURL
  // A group attendee's seat is paid by the buyer (src/commerce/groups): the attendee is never sent to pay it.
  const hold = enrollment.status === 'pending_payment' && !enrollment.booking ? await paymentOfEnrollment(req, Number(enrollment.id)) : null
  const payable = hold?.status === 'pending'
  return {
    enrollmentId: Number(enrollment.id),
    collection: ref.relationTo,
    itemId,
    to: { email: String(user.email), language: user.language },
    startsAt,
    durationMinutes: isWebinar ? Number(item.durationMinutes ?? 60) : Number(item.durationHours ?? 1) * 60,
    timezone,
    title: String(item.title ?? ''),
    summary: String(item.summary ?? ''),
    meetingLink: isWebinar ? (item.meetingLink ?? null) : null,
    scheduleSequence: Number(item.scheduleSequence ?? 0),
    sessions,
    status: String(enrollment.status ?? ''),
    endsAt: isWebinar
      ? startsAt && new Date(startsAt.getTime() + Number(item.durationMinutes ?? 60) * 60_000)
      : (sessions.at(-1)?.endsAt ?? startsAt),
    categoryIds: item.category ? [idOf(item.category)] : [],
    emailRulesOff: ((item.emailRulesOff ?? []) as unknown[]).map(idOf).filter(Number.isFinite),
    recipientTimezone: typeof user.timezone === 'string' && user.timezone ? user.timezone : null,
    variables: {
      firstName: user.firstName ?? '',
      lastName: user.lastName ?? '',
      email: user.email,
      title: item.title,
      startsAt: startsAt?.toISOString() ?? '',
      timezone,
      meetingLink: isWebinar ? (item.meetingLink ?? '') : '',
      seatsLeft: item.seatsLeft ?? '',
      cancelUrl: cancelUrlFor(req, Number(enrollment.id)),
      itemUrl: `${siteUrl}/${isWebinar ? 'webinars' : 'courses'}/${item.slug ?? itemId}`,
      amount: enrollment.amount != null ? Number(enrollment.amount).toFixed(2) : '',
      currency: enrollment.currency ?? '',
      payUrl: payable ? payUrlFor(req, Number(enrollment.id)) : '',
      holdExpiresAt: payable ? (hold.holdExpiresAt ?? '') : '',
    },
  }
}
