import { APIError, type Endpoint, type PayloadRequest, ValidationError } from 'payload'

import { checkRole } from '../../../access'
import { attendeeList, copy, invalidLinkPage, managePage, type PageLanguage } from '../../../commerce/bookingChanges/managePage'
import { replaceAttendee, type ReplacedAttendee } from '../../../commerce/bookingChanges/replaceAttendee'
import { seatsOfBooking } from '../../../commerce/groups/publicBooking'
import { parseInput } from '../../../endpoints/parseInput'
import { isValidBookingManageToken } from '../../../enrollment/cancelToken'
import { PERSON_INPUT } from '../../../enrollment/personInput'
import { getBusinessSettings } from '../../../settings/businessSettings'
import { getClock } from '../../../utilities/clock'
import { parseDocumentId } from '../../../utilities/documentId'
import { formatWithZone } from '../../../utilities/localTime'
import { relationId } from '../../../payments/payments'
import { courseBegins } from '../../../enrollment/items'

/** Far above one attendee in any encoding; a bigger body is refused unread. */
const MAX_BODY_BYTES = 16 * 1024
/** Staff who may change anyone's booking (the same who may cancel anyone's enrollment). */
const STAFF = ['admin', 'editor', 'sales'] as const

interface Sent {
  fields: Record<string, unknown>
  token: unknown
  /** The page's form gets HTML answers; a JSON caller gets JSON (and Payload's error shape). */
  json: boolean
}

async function readBody(req: PayloadRequest): Promise<Sent> {
  const query = new URL(req.url ?? 'http://localhost').searchParams
  const json = (req.headers.get('content-type') ?? '').toLowerCase().includes('application/json')
  if (Number(req.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) throw new APIError('The request body is too large.', 413, undefined, true)
  const text = typeof req.text === 'function' ? await req.text() : ''
  if (text.length > MAX_BODY_BYTES) throw new APIError('The request body is too large.', 413, undefined, true)
  if (!json) {
    const form = Object.fromEntries(new URLSearchParams(text))
    const { email, firstName, lastName, enrollmentId } = form
    return { fields: { enrollmentId, attendee: { email, firstName, lastName } }, token: form.token ?? query.get('token'), json }
  }
  let body: unknown
  try {
    body = JSON.parse(text || '{}')
  } catch {
    throw new APIError('The request body is not valid JSON.', 400, undefined, true)
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new APIError('The request body must be a JSON object.', 400, undefined, true)
  const fields = body as Record<string, unknown>
  return { fields, token: fields.token ?? query.get('token'), json }
}

/** `{enrollmentId, attendee: {email, firstName, lastName}}`, every problem a 400 naming its field. */
function parseReplacement(fields: Record<string, unknown>) {
  const { enrollmentId } = parseInput(fields, { enrollmentId: { kind: 'id', required: true } }, 'bookings')
  const attendee = fields.attendee
  if (!attendee || typeof attendee !== 'object' || Array.isArray(attendee)) {
    throw new ValidationError({ collection: 'bookings', errors: [{ path: 'attendee', message: 'attendee must be an object {email, firstName, lastName}.' }] })
  }
  try {
    return { enrollmentId, attendee: parseInput(attendee as Record<string, unknown>, PERSON_INPUT) }
  } catch (error) {
    const problems = ((error as ValidationError).data?.errors ?? []) as { path: string; message: string }[]
    throw new ValidationError({ collection: 'bookings', errors: problems.map((problem) => ({ path: `attendee.${problem.path}`, message: `attendee.${problem.message}` })) })
  }
}

/**
 * Who may change this booking: staff, its buyer logged in, or whoever holds its signed link
 * (`bookingManageUrl`). Anyone else learns nothing, not even that the booking exists (404); no login
 * and no token is a 401.
 */
async function authorize(req: PayloadRequest, token: unknown): Promise<number> {
  const id = parseDocumentId(req.routeParams?.id)
  if (id !== null && isValidBookingManageToken(req.payload.secret, id, token)) return id
  if (!req.user && !token) throw new APIError('Log in, or use the link from the booking email, to change a booking.', 401, undefined, true)
  if (id === null || !req.user) throw new APIError('Not Found', 404, undefined, true)
  if (checkRole([...STAFF], req.user)) return id
  const booking = await req.payload.findByID({ collection: 'bookings', id, depth: 0, overrideAccess: true, disableErrors: true, select: { buyer: true } })
  if (booking && relationId(booking.buyer) === req.user.id) return id
  throw new APIError('Not Found', 404, undefined, true)
}

const answer = (result: ReplacedAttendee) => ({
  message: `${result.replaced.email} was replaced by ${result.enrollment.email}.`,
  ...result,
})

/** `POST /api/bookings/:id/replace-attendee {enrollmentId, attendee}`: staff, the buyer, or the signed link (`token`). */
const replaceAttendeeEndpoint: Endpoint = {
  path: '/:id/replace-attendee',
  method: 'post',
  handler: async (req) => {
    const sent = await readBody(req)
    const bookingId = await authorize(req, sent.token)
    const result = await replaceAttendee(req, bookingId, parseReplacement(sent.fields))
    return Response.json({ ...answer(result), enrollments: await seatsOfBooking(req, bookingId) })
  },
}

/** What the signed link's page shows: the item, its start in the item's zone, the attendees. */
async function managedBooking(req: PayloadRequest, bookingId: number, token: string) {
  const booking = await req.payload.findByID({ collection: 'bookings', id: bookingId, depth: 0, overrideAccess: true, disableErrors: true, req })
  if (!booking) return null
  const ref = booking.item as { relationTo: 'webinars' | 'courses'; value: unknown }
  const item = (await req.payload.findByID({ collection: ref.relationTo, id: relationId(ref.value)!, depth: 0, overrideAccess: true, trash: true, disableErrors: true, req })) as Record<string, any> | null
  const buyer = await req.payload.findByID({ collection: 'users', id: relationId(booking.buyer)!, depth: 0, overrideAccess: true, disableErrors: true, req })
  const lang: PageLanguage = buyer?.language === 'en' ? 'en' : 'es'
  // A course begins at its first class, not at its stored start day (12:00 UTC): src/enrollment/items.ts.
  const begins = ref.relationTo === 'webinars' ? (item?.startsAt ? new Date(item.startsAt) : null) : item ? await courseBegins(req, Number(item.id), { startDate: item.startDate, timezone: item.timezone }) : null
  const startsAtValue = begins?.toISOString()
  const zone = item?.startsAt_tz || item?.timezone || (await getBusinessSettings(req.payload, req)).timezone
  const started = begins ? getClock(req.payload).now() >= begins : false
  return {
    lang,
    page: {
      id: bookingId,
      token,
      itemTitle: String(item?.title ?? ''),
      startsAt: formatWithZone(startsAtValue, zone, lang),
      attendees: await seatsOfBooking(req, bookingId),
      open: !started && booking.status !== 'cancelled' && booking.status !== 'expired' && item?.status !== 'cancelled',
    },
  }
}

/** `GET /api/bookings/:id/manage?token=…` (the buyer's link): the attendees, each with a replace form. */
const managePageEndpoint: Endpoint = {
  path: '/:id/manage',
  method: 'get',
  handler: async (req) => {
    const token = new URL(req.url ?? 'http://localhost').searchParams.get('token')
    const id = parseDocumentId(req.routeParams?.id)
    if (id === null || !isValidBookingManageToken(req.payload.secret, id, token)) return invalidLinkPage()
    const found = await managedBooking(req, id, String(token))
    if (!found) return invalidLinkPage()
    return managePage(found.lang, attendeeList(found.lang, found.page))
  },
}

/** The page's form: replaces, then shows the list again with what happened (an error keeps its status code). */
const manageFormEndpoint: Endpoint = {
  path: '/:id/manage',
  method: 'post',
  handler: async (req) => {
    const sent = await readBody(req)
    const id = parseDocumentId(req.routeParams?.id)
    if (id === null || !isValidBookingManageToken(req.payload.secret, id, sent.token)) return invalidLinkPage()
    let notice: { kind: 'error' | 'done'; text: string } | undefined
    let replaced: ReplacedAttendee | undefined
    let status = 200
    try {
      replaced = await replaceAttendee(req, id, parseReplacement(sent.fields))
    } catch (error) {
      if (!(error instanceof APIError)) throw error
      status = error.status
      const problems = (error.data as { errors?: { message: string }[] } | null)?.errors
      notice = { kind: 'error', text: problems?.length ? problems.map((problem) => problem.message).join(' ') : error.message }
    }
    const found = await managedBooking(req, id, String(sent.token))
    if (!found) return invalidLinkPage()
    if (replaced) notice = { kind: 'done', text: copy[found.lang].done(replaced.replaced.email, replaced.enrollment.email) }
    return managePage(found.lang, attendeeList(found.lang, found.page, notice), status)
  },
}

export const bookingChangeEndpoints: Endpoint[] = [replaceAttendeeEndpoint, managePageEndpoint, manageFormEndpoint]
