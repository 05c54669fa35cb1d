import { APIError, type Endpoint } from 'payload'

import { checkRole, STAFF_ROLES } from '../access'
import { routeId } from '../endpoints/routeId'
import { say } from '../i18n/say'
import { buildTimeline } from './timeline/buildTimeline'
import { asCaller } from './timeline/types'

/**
 * `GET /api/users/:id/timeline` and `GET /api/leads/:id/timeline`: a person's enrollments,
 * payments, emails, interactions and lead history in time order, for staff. The person must be
 * one the caller may read (else 404, as for the document itself), and every source is read with
 * the caller's own access, so the timeline never shows what the lists would hide.
 */
export const timelineEndpoint = (collection: 'users' | 'leads'): Endpoint => ({
  path: '/:id/timeline',
  method: 'get',
  handler: async (req) => {
    if (!req.user) throw new APIError(say(req, { es: 'Inicia sesión para ver el historial.', en: 'Log in to see a timeline.' }), 401, undefined, true)
    if (!checkRole(STAFF_ROLES, req.user)) throw new APIError(say(req, { es: 'Solo el equipo puede ver el historial de una persona.', en: 'Only staff can see a person’s timeline.' }), 403, undefined, true)
    const id = routeId(req)
    const doc = await req.payload.findByID({ collection, id, ...asCaller(req), disableErrors: true }).catch((error) => {
      if ((error as { status?: number })?.status === 403) return null
      throw error
    })
    if (!doc) throw new APIError('Not Found', 404, undefined, true)
    const language = (req.user as { language?: string }).language === 'en' ? 'en' : 'es'
    const subject = collection === 'users' ? ({ kind: 'user', doc } as const) : ({ kind: 'lead', doc } as const)
    return Response.json(await buildTimeline({ req, subject, language }))
  },
})
