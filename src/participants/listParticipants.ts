import { APIError, type PayloadRequest } from 'payload'

import { attendanceSummary, type SessionMark } from '../attendance/summary'
import { certificatesOfEnrollments, type EnrollmentCertificate } from '../certificates/ofEnrollments'

import { ENROLLMENT_STATUSES, type EnrollmentStatus, type ItemCollection } from '../enrollment/statuses'
import { getBusinessSettings } from '../settings/businessSettings'
import { foldText } from '../utilities/foldText'
import type { ParticipantFilters } from './filters'

/**
 * The one place that reads an item's participants. The page, the CSV, attendance and "email these
 * people" all go through it, so they agree on who is in the list. Per-session attendance (issue 16)
 * adds its columns here.
 */

export interface ParticipantItem {
  collection: ItemCollection
  id: number
  title: string
  /** Webinars: the start instant. Courses: the start date. */
  startsAt: string | null
  /** The item's own zone (a webinar's `startsAt_tz`), else the business zone: every time on the page is read in it. */
  timezone: string
  /** Courses carry a whole day without a time (a UTC calendar day, src/utilities/calendarDay.ts). */
  dateOnly: boolean
}

export interface Participant {
  enrollmentId: number
  userId: number
  firstName: string
  lastName: string
  name: string
  email: string
  company: string
  phone: string
  language: string | null
  status: EnrollmentStatus
  paymentStatus: string | null
  amount: number | null
  currency: string | null
  attended: boolean
  /** Computed from the attendance rows (src/attendance/completion.ts); `null` while nothing is recorded. */
  completionPercentage: number | null
  /** Sessions marked present, of `sessionsTotal` dated ones (a webinar counts as one session). */
  sessionsAttended: number
  sessionsTotal: number
  /** With `?session=<id>`: that session's record for the person. */
  session?: SessionMark
  /** The valid certificate, else the newest revoked one (src/certificates); null without any. */
  certificate: EnrollmentCertificate | null
  registeredAt: string
}

export interface ParticipantList {
  item: ParticipantItem
  /** Everyone in the item per status, before filters: the tabs' numbers. */
  counts: Record<EnrollmentStatus, number> & { total: number; attended: number }
  participants: Participant[]
}

/** The webinar or course (including one in the trash), or a 404. */
export async function findItem(req: PayloadRequest, collection: ItemCollection, id: number): Promise<ParticipantItem> {
  const doc = (await req.payload.findByID({ collection, id, depth: 0, overrideAccess: true, disableErrors: true, trash: true, req })) as Record<string, unknown> | null
  if (!doc) throw new APIError('Not Found', 404, undefined, true)
  const business = await getBusinessSettings(req.payload, req)
  const ownZone = collection === 'webinars' && typeof doc.startsAt_tz === 'string' ? doc.startsAt_tz : null
  const startsAt = (collection === 'webinars' ? doc.startsAt : doc.startDate) as string | null | undefined
  return { collection, id, title: String(doc.title ?? ''), startsAt: startsAt ?? null, timezone: ownZone ?? business.timezone, dateOnly: collection === 'courses' }
}

const USER_FIELDS = { firstName: true, lastName: true, email: true, phone: true, company: true, language: true } as const

/** Every enrollment of the item with its person, oldest registration first (the waitlist's order). */
async function loadAll(req: PayloadRequest, item: ParticipantItem): Promise<Participant[]> {
  const { docs } = await req.payload.find({
    collection: 'enrollments',
    where: { and: [{ 'item.relationTo': { equals: item.collection } }, { 'item.value': { equals: item.id } }] },
    depth: 0,
    sort: 'createdAt',
    pagination: false,
    overrideAccess: true,
    req,
  })
  const userIds = [...new Set(docs.map((doc) => (typeof doc.user === 'object' ? doc.user.id : doc.user)))]
  const { docs: users } = userIds.length
    ? await req.payload.find({ collection: 'users', where: { id: { in: userIds } }, select: USER_FIELDS, depth: 0, pagination: false, overrideAccess: true, req })
    : { docs: [] }
  const byId = new Map(users.map((user) => [user.id, user as Record<string, unknown>]))
  return docs.map((doc) => {
    const userId = (typeof doc.user === 'object' ? doc.user.id : doc.user) as number
    const user = byId.get(userId) ?? {}
    const text = (value: unknown) => (typeof value === 'string' ? value : '')
    const firstName = text(user.firstName)
    const lastName = text(user.lastName)
    return {
      enrollmentId: doc.id as number,
      userId,
      firstName,
      lastName,
      name: [firstName, lastName].filter(Boolean).join(' '),
      email: text(user.email),
      company: text(user.company),
      phone: text(user.phone),
      language: typeof user.language === 'string' ? user.language : null,
      status: doc.status as EnrollmentStatus,
      paymentStatus: doc.paymentStatus ?? null,
      amount: doc.amount ?? null,
      currency: doc.currency ?? null,
      attended: Boolean(doc.attended),
      completionPercentage: doc.completionPercentage ?? null,
      sessionsAttended: 0,
      sessionsTotal: 0,
      certificate: null,
      registeredAt: doc.createdAt,
    }
  })
}

const matches = (participant: Participant, filters: ParticipantFilters): boolean => {
  if (filters.status && !filters.status.includes(participant.status)) return false
  if (filters.paymentStatus && !filters.paymentStatus.includes(participant.paymentStatus as never)) return false
  if (filters.attended !== undefined && participant.attended !== filters.attended) return false
  if (filters.q) {
    const haystack = foldText([participant.name, participant.email, participant.company].join(' '))
    if (!foldText(filters.q).split(/\s+/).every((word) => haystack.includes(word))) return false
  }
  return true
}

/** The item's participants that pass `filters`, with the unfiltered counts. Access is the caller's to check first. */
export async function listParticipants(req: PayloadRequest, item: ParticipantItem, filters: ParticipantFilters = {}): Promise<ParticipantList> {
  const [loaded, summary] = await Promise.all([loadAll(req, item), attendanceSummary(req, item.collection, item.id, filters.session)])
  const sessionsTotal = item.collection === 'webinars' ? 1 : summary.sessions.length
  const certificates = await certificatesOfEnrollments(req, loaded.map((participant) => participant.enrollmentId))
  const everyone = loaded.map((participant) => {
    const { sessionsAttended, session } = summary.of(participant.enrollmentId)
    return { ...participant, sessionsAttended, sessionsTotal, certificate: certificates.get(participant.enrollmentId) ?? null, ...(session ? { session } : {}) }
  })
  const counts = Object.fromEntries(ENROLLMENT_STATUSES.map((status) => [status, 0])) as ParticipantList['counts']
  counts.total = everyone.length
  counts.attended = 0
  for (const participant of everyone) {
    counts[participant.status] += 1
    if (participant.attended) counts.attended += 1
  }
  return { item, counts, participants: everyone.filter((participant) => matches(participant, filters)) }
}
