import { APIError, type PayloadRequest } from 'payload'

import { findSession } from '../../courses/sessions'
import type { ItemCollection } from '../../enrollment/statuses'
import { getBusinessSettings } from '../../settings/businessSettings'
import type { CheckInTarget } from './code'

export interface CheckInPlace extends CheckInTarget {
  title: string
  /** The session's own name ("Sesión 3: …"); '' for a webinar. */
  sessionName: string
  /** The zone staff and students read the times in: the course's, the webinar's, else the business's. */
  timezone: string
  cancelled: boolean
}

const notFound = () => new APIError('Not Found', 404, undefined, true)

/** The course session or webinar a check-in is for, read by the server (the caller may not read the item itself), or a 404. */
export async function findCheckInPlace(req: PayloadRequest, collection: ItemCollection, itemId: number, sessionId: string | null): Promise<CheckInPlace> {
  const business = await getBusinessSettings(req.payload, req)
  if (collection === 'webinars') {
    if (sessionId) throw notFound()
    const webinar = await req.payload.findByID({ collection: 'webinars', id: itemId, depth: 0, overrideAccess: true, disableErrors: true, req })
    // A draft is not public: the check-in page would show its title to anyone guessing ids.
    if (!webinar?.startsAt || webinar.status === 'draft') throw notFound()
    const startsAt = new Date(webinar.startsAt)
    const minutes = Number(webinar.durationMinutes) > 0 ? Number(webinar.durationMinutes) : 60
    return {
      collection,
      itemId,
      sessionId: null,
      startsAt,
      endsAt: new Date(startsAt.getTime() + minutes * 60_000),
      title: String(webinar.title ?? ''),
      sessionName: '',
      timezone: (webinar as { startsAt_tz?: string | null }).startsAt_tz || business.timezone,
      cancelled: webinar.status === 'cancelled',
    }
  }
  if (!sessionId) throw notFound()
  const course = await req.payload.findByID({ collection: 'courses', id: itemId, depth: 0, overrideAccess: true, disableErrors: true, req })
  const session = course ? findSession(course as never, sessionId) : null
  if (!course || !session || course.status === 'draft') throw notFound()
  return {
    collection,
    itemId,
    sessionId: session.id,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    title: String(course.title ?? ''),
    sessionName: session.name || session.moduleTitle,
    timezone: (course as { timezone?: string | null }).timezone || business.timezone,
    cancelled: course.status === 'cancelled',
  }
}

/** Where the QR points: the small check-in page (GET) that posts the code back to the same address. */
export const checkInPath = (target: Pick<CheckInTarget, 'collection' | 'itemId' | 'sessionId'>) =>
  target.collection === 'courses' ? `/courses/${target.itemId}/sessions/${encodeURIComponent(target.sessionId ?? '')}/check-in` : `/webinars/${target.itemId}/check-in`
