import { APIError, type Endpoint, type PayloadRequest, ValidationError } from 'payload'

import { exportCsvEndpoint, exportLanguage } from '../endpoints/exportCsv'
import { readJsonBody } from '../endpoints/readJsonBody'
import { routeId } from '../endpoints/routeId'
import { say } from '../i18n/say'
import type { ItemCollection } from '../enrollment/statuses'
import { formatLocalDate, formatWithZone, timeZoneName } from '../utilities/localTime'
import { requireAbility } from './access'
import { markAttendance, parseAttendanceInput } from './attendance'
import { parseFilters } from './filters'
import { sessionAttendanceCsv } from './sessionCsv'
import { findItem, listParticipants } from './listParticipants'
import { parseAudience } from './message/audience'
import { parseStaffMessage } from './message/compose'
import { previewMessage } from './message/preview'
import { recipientsOf } from './message/recipients'
import { queueSending } from './message/sending'
import { sendTestMessage } from './message/testSend'

const enrollmentsCsv = exportCsvEndpoint('enrollments')

/** The item named by the path and what the caller may do with it: 401, 404, then 403. */
async function itemFor(req: PayloadRequest, collection: ItemCollection, ability: 'view' | 'markAttendance' | 'email') {
  if (!req.user) throw new APIError(say(req, { es: 'Inicia sesión para ver a los participantes.', en: 'Log in to see participants.' }), 401, undefined, true)
  const item = await findItem(req, collection, routeId(req))
  const abilities = await requireAbility(req, collection, item.id, ability)
  return { item, abilities }
}

/** `GET …/:id/participants?status=confirmed,waitlisted&paymentStatus=paid&attended=true&q=ana`: the page's rows. */
const list = (collection: ItemCollection): Endpoint => ({
  path: '/:id/participants',
  method: 'get',
  handler: async (req) => {
    const { item, abilities } = await itemFor(req, collection, 'view')
    const language = exportLanguage(req)
    const { counts, participants } = await listParticipants(req, item, parseFilters(req.query as Record<string, unknown>, req))
    return Response.json({
      item: {
        ...item,
        startsAtText: item.dateOnly ? formatLocalDate(item.startsAt, 'UTC') : formatWithZone(item.startsAt, item.timezone, language),
        timezoneName: timeZoneName(item.timezone),
      },
      abilities,
      counts,
      totalDocs: participants.length,
      docs: participants.map((participant) => ({ ...participant, registeredAtText: formatWithZone(participant.registeredAt, item.timezone, language) })),
    })
  },
})

/** `GET …/:id/participants.csv?<same filters>`: the rows shown, through the enrollments export (its columns and formats). */
const csv = (collection: ItemCollection): Endpoint => ({
  path: '/:id/participants.csv',
  method: 'get',
  handler: async (req) => {
    const { item } = await itemFor(req, collection, 'view')
    const query = req.query as Record<string, unknown>
    const filters = parseFilters(query, req)
    const { participants } = await listParticipants(req, item, filters)
    if (filters.session) {
      // One session's attendance: a sheet of its own (present, minutes, who recorded it).
      return new Response(sessionAttendanceCsv(item, participants, exportLanguage(req, query.locale)), {
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="asistencia-${collection}-${item.id}-${filters.session}.csv"`,
          'cache-control': 'no-store',
        },
      })
    }
    const ids = participants.map((participant) => participant.enrollmentId)
    // `in: []` is not "nothing" everywhere; an id is never absent.
    req.query = { where: ids.length ? { id: { in: ids } } : { id: { exists: false } }, sort: 'createdAt', locale: query.locale } as never
    const response = await enrollmentsCsv.handler(req)
    const headers = new Headers(response.headers)
    headers.set('content-disposition', `attachment; filename="participantes-${collection}-${item.id}-${new Date().toISOString().slice(0, 10)}.csv"`)
    return new Response(response.body, { status: response.status, headers })
  },
})

/** `POST …/:id/participants/attendance` `{ enrollmentIds, attended }`: ticks (or unticks) people present. */
const attendance = (collection: ItemCollection): Endpoint => ({
  path: '/:id/participants/attendance',
  method: 'post',
  handler: async (req) => {
    const { item } = await itemFor(req, collection, 'markAttendance')
    const input = parseAttendanceInput(await readJsonBody(req), req)
    return Response.json(await markAttendance(req, item, input))
  },
})

const MODES = ['preview', 'test', 'send'] as const
const SEND_KEY = /^[A-Za-z0-9_-]{8,64}$/

/**
 * `POST …/:id/participants/message` `{ mode, audience, message, sendKey }`: "email these people".
 * `preview` writes nothing; `test` mails the caller; `send` queues a job that queues the emails.
 */
const message = (collection: ItemCollection): Endpoint => ({
  path: '/:id/participants/message',
  method: 'post',
  handler: async (req) => {
    const { item } = await itemFor(req, collection, 'email')
    const body = await readJsonBody(req)
    const mode = body.mode as (typeof MODES)[number]
    const errors: { path: string; message: string }[] = []
    if (!MODES.includes(mode)) errors.push({ path: 'mode', message: say(req, { es: `mode debe ser uno de: ${MODES.join(', ')}.`, en: `mode must be one of: ${MODES.join(', ')}.` }) })
    if (mode === 'send' && (typeof body.sendKey !== 'string' || !SEND_KEY.test(body.sendKey))) {
      errors.push({ path: 'sendKey', message: say(req, { es: 'sendKey debe tener de 8 a 64 letras, cifras, "-" o "_" (una por mensaje, la misma al reintentar).', en: 'sendKey must be 8 to 64 letters, digits, "-" or "_" (one per message, reused on a retry).' }) })
    }
    if (errors.length) throw new ValidationError({ errors })
    const staffMessage = parseStaffMessage(body.message, req)
    const staffLanguage = exportLanguage(req)
    if (mode === 'test') return Response.json(await sendTestMessage(req, item, staffMessage))
    const recipients = await recipientsOf(req, item, parseAudience(body.audience, req))
    if (mode === 'preview') return Response.json(await previewMessage(req, item, staffMessage, recipients, staffLanguage))
    if (!recipients.length) throw new ValidationError({ errors: [{ path: 'audience', message: say(req, { es: 'Nadie de la lista coincide: no hay a quién enviar.', en: 'Nobody in this list matches: there is no one to send to.' }) }] })
    const { queued } = await queueSending(req, {
      collection,
      itemId: item.id,
      enrollmentIds: recipients.map((person) => person.enrollmentId),
      message: staffMessage,
      staffLanguage,
      sendKey: `user-${req.user!.id}:${body.sendKey as string}`,
    })
    return Response.json({ queued, alreadySent: !queued, recipients: recipients.length }, { status: queued ? 202 : 200 })
  },
})

/** The participants page's endpoints, mounted on webinars and courses. */
export const participantsEndpoints = (collection: ItemCollection): Endpoint[] => [list(collection), csv(collection), attendance(collection), message(collection)]
