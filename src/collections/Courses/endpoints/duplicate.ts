import { APIError, type Endpoint } from 'payload'

import { parseInput } from '../../../endpoints/parseInput'
import { readJsonBody } from '../../../endpoints/readJsonBody'
import { routeId } from '../../../endpoints/routeId'
import { say } from '../../../i18n/say'
import { newRunOf } from '../duplicate/newRun'

/** Ten years either way: enough for any real rescheduling, and no date leaves Postgres' range. */
const MAX_SHIFT_DAYS = 3650

/**
 * `POST /api/courses/:id/duplicate` `{ shiftDays }`: a new run of a course with every date moved by
 * `shiftDays` (default 0). Replaces Payload's own duplicate for courses (a collection's endpoint wins
 * on the same path), read and created with the caller's access: editors and admins only.
 */
export const duplicateCourseEndpoint: Endpoint = {
  path: '/:id/duplicate',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw new APIError(say(req, { es: 'Inicia sesión para duplicar un curso.', en: 'Log in to duplicate a course.' }), 401, undefined, true)
    const id = routeId(req)
    const { shiftDays = 0 } = parseInput(await readJsonBody(req), { shiftDays: { kind: 'integer', min: -MAX_SHIFT_DAYS, max: MAX_SHIFT_DAYS } }, 'courses')
    const original = await req.payload.findByID({ collection: 'courses', id, depth: 0, req, user: req.user, overrideAccess: false, disableErrors: true })
    if (!original) throw new APIError('Not Found', 404, undefined, true)
    const data = await newRunOf(req, original as unknown as Record<string, unknown>, shiftDays)
    const doc = await req.payload.create({ collection: 'courses', data: data as never, depth: 0, req, user: req.user, overrideAccess: false })
    return Response.json({ doc, message: say(req, { es: `Curso duplicado como «${doc.title}».`, en: `Course duplicated as "${doc.title}".` }) }, { status: 201 })
  },
}
