import type { PayloadRequest } from 'payload'

import { canMarkAttendance } from '../../attendance/permissions'
import { sessionsOf, type CourseWithSessions } from '../../courses/sessions'
import { getBusinessSettings } from '../../settings/businessSettings'
import { getClock } from '../../utilities/clock'
import { formatWithZone, timeZoneName } from '../../utilities/localTime'

/** One choice in the roster's session picker. `id` is `null` for a webinar (one meeting). */
export interface SessionChoice {
  id: string | null
  label: string
  startsAt: string
  endsAt: string
  running: boolean
  canMark: boolean
}

/** A roster is still passed a while after class ends; before class, the room fills early. */
const RUNNING_FROM_MINUTES = 30
const RUNNING_UNTIL_MINUTES = 120

/**
 * The sessions of the item as the picker lists them ("04/12/2026 19:00 (hora de Lima) · Sesión 3"),
 * and the one it opens on: the session happening now, else the next one, else the last one.
 */
export async function sessionChoices(req: PayloadRequest, collection: 'courses' | 'webinars', doc: Record<string, unknown>) {
  const business = await getBusinessSettings(req.payload, req)
  const language = req.i18n?.language === 'en' ? 'en' : 'es'
  const now = getClock(req.payload).now().getTime()
  let timezone: string
  let meetings: { id: string | null; name: string; startsAt: Date; endsAt: Date }[]
  if (collection === 'webinars') {
    timezone = (doc.startsAt_tz as string) || business.timezone
    const startsAt = doc.startsAt ? new Date(doc.startsAt as string) : null
    const minutes = Number(doc.durationMinutes) > 0 ? Number(doc.durationMinutes) : 60
    meetings = startsAt ? [{ id: null, name: String(doc.title ?? ''), startsAt, endsAt: new Date(startsAt.getTime() + minutes * 60_000) }] : []
  } else {
    timezone = (doc.timezone as string) || business.timezone
    meetings = sessionsOf(doc as CourseWithSessions).map((session) => ({ id: session.id, name: `${session.number}. ${session.name || session.moduleTitle}`, startsAt: session.startsAt, endsAt: session.endsAt }))
  }
  const itemId = doc.id as number
  const choices: SessionChoice[] = []
  for (const meeting of meetings) {
    choices.push({
      id: meeting.id,
      label: `${formatWithZone(meeting.startsAt, timezone, language)} · ${meeting.name}`,
      startsAt: meeting.startsAt.toISOString(),
      endsAt: meeting.endsAt.toISOString(),
      running: meeting.startsAt.getTime() - RUNNING_FROM_MINUTES * 60_000 <= now && now <= meeting.endsAt.getTime() + RUNNING_UNTIL_MINUTES * 60_000,
      canMark: await canMarkAttendance(req, collection, itemId, meeting.id),
    })
  }
  const preferred = choices.find((choice) => choice.running) ?? choices.find((choice) => new Date(choice.startsAt).getTime() > now) ?? choices.at(-1)
  return { choices, defaultIndex: preferred ? choices.indexOf(preferred) : -1, timezone, timezoneName: timeZoneName(timezone) }
}

/** Names of the staff who may have recorded a mark (students only check in themselves): the "who" beside each mark. */
export async function recorderNames(req: PayloadRequest): Promise<Record<number, string>> {
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { roles: { in: ['admin', 'editor', 'sales', 'instructor'] } },
    select: { firstName: true, lastName: true, email: true },
    depth: 0,
    limit: 500,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return Object.fromEntries(docs.map((user) => [user.id, [user.firstName, user.lastName].filter(Boolean).join(' ') || String(user.email ?? '')]))
}
