import { APIError, type Endpoint, type PayloadRequest, ValidationError } from 'payload'

import { readJsonBody } from '../endpoints/readJsonBody'
import { routeId } from '../endpoints/routeId'
import type { ItemCollection } from '../enrollment/statuses'
import { inTransaction } from '../enrollment/transaction'
import { say } from '../i18n/say'
import { findItem } from '../participants/listParticipants'
import { canMarkAttendance, canReadAttendance } from './permissions'
import { recordMany } from './record'
import { rosterOf } from './roster'
import { checkSource, type FieldError } from './validate'
import { MAX_MARKS, type AttendanceMark, type RecordManyResult } from './types'

/** Sources a caller of these endpoints may name: the roster screen or a script. Imports and check-ins have their own endpoints. */
const HTTP_SOURCES = ['roster', 'api'] as const
const SESSION_ID = /^[A-Za-z0-9_-]{1,64}$/

/** 401 without login, 404 for an unknown item, 400 for a malformed session id; then the caller's right (403). */
async function resolve(req: PayloadRequest, collection: ItemCollection, need: 'read' | 'mark') {
  if (!req.user) throw new APIError(say(req, { es: 'Inicia sesión para ver la asistencia.', en: 'Log in to see attendance.' }), 401, undefined, true)
  const item = await findItem(req, collection, routeId(req))
  const raw = collection === 'courses' ? req.routeParams?.sessionId : null
  if (collection === 'courses' && (typeof raw !== 'string' || !SESSION_ID.test(raw))) {
    throw new ValidationError({ errors: [{ path: 'sessionId', message: say(req, { es: 'sessionId no es el id de una sesión.', en: 'sessionId is not a session id.' }) }] })
  }
  const sessionId = (raw as string | null) ?? null
  const allowed = need === 'read' ? await canReadAttendance(req, collection, item.id) : await canMarkAttendance(req, collection, item.id, sessionId)
  if (!allowed) {
    const message =
      need === 'read'
        ? { es: 'No puedes ver la asistencia de este curso o webinar.', en: 'You may not see the attendance of this course or webinar.' }
        : { es: 'Solo los administradores y los instructores de este curso o webinar marcan asistencia.', en: 'Only admins and instructors of this course or webinar mark attendance.' }
    throw new APIError(say(req, message), 403, undefined, true)
  }
  return { itemId: item.id, sessionId }
}

const roster = (collection: ItemCollection, path: string): Endpoint => ({
  path,
  method: 'get',
  handler: async (req) => {
    const { itemId, sessionId } = await resolve(req, collection, 'read')
    return Response.json(await rosterOf(req, collection, itemId, sessionId))
  },
})

/** `{ marks: [...] }` or `{ allPresent: true }`, plus an optional `source`; a 400 naming the field otherwise. */
function parseBody(req: PayloadRequest, body: Record<string, unknown>) {
  const errors: FieldError[] = []
  const source = body.source ?? 'api'
  checkSource(source, req, errors, HTTP_SOURCES)
  if (body.allPresent !== undefined && body.allPresent !== true) errors.push({ path: 'allPresent', message: say(req, { es: 'allPresent solo puede ser true.', en: 'allPresent can only be true.' }) })
  if (body.allPresent === true && body.marks !== undefined) errors.push({ path: 'marks', message: say(req, { es: 'Envía marks o allPresent, no ambos.', en: 'Send marks or allPresent, not both.' }) })
  if (body.allPresent === undefined && body.marks === undefined) errors.push({ path: 'marks', message: say(req, { es: 'Falta marks (o allPresent: true).', en: 'marks (or allPresent: true) is missing.' }) })
  if (errors.length) throw new ValidationError({ errors })
  return { source: source as (typeof HTTP_SOURCES)[number], allPresent: body.allPresent === true, marks: body.marks }
}

const mark = (collection: ItemCollection, path: string): Endpoint => ({
  path,
  method: 'post',
  handler: async (req) => {
    const { itemId, sessionId } = await resolve(req, collection, 'mark')
    const body = parseBody(req, await readJsonBody(req))
    const input = { collection, itemId, sessionId, source: body.source }
    // Checked above: the service need not ask again.
    const checked = { overrideAccess: true }
    if (!body.allPresent) return Response.json(await recordMany(req, { ...input, marks: body.marks as AttendanceMark[] }, checked))
    const { rows } = await rosterOf(req, collection, itemId, sessionId)
    const total: RecordManyResult = { recorded: 0, unchanged: 0, unmatched: [] }
    await inTransaction(req, async () => {
      for (let start = 0; start < rows.length; start += MAX_MARKS) {
        const marks = rows.slice(start, start + MAX_MARKS).map((row) => ({ enrollmentId: row.enrollmentId, present: true }))
        const result = await recordMany(req, { ...input, marks }, checked)
        total.recorded += result.recorded
        total.unchanged += result.unchanged
      }
    })
    return Response.json(total)
  },
})

/** `GET|POST /api/courses/:id/sessions/:sessionId/attendance` and `GET|POST /api/webinars/:id/attendance`. */
export const attendanceEndpoints = (collection: ItemCollection): Endpoint[] => {
  const path = collection === 'courses' ? '/:id/sessions/:sessionId/attendance' : '/:id/attendance'
  return [roster(collection, path), mark(collection, path)]
}
