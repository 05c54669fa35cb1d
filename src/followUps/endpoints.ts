import { APIError, type Endpoint, type PayloadRequest } from 'payload'

import { routeId } from '../endpoints/routeId'
import type { ItemCollection } from '../enrollment/statuses'
import { say } from '../i18n/say'
import { requireAbility } from '../participants/access'
import { releaseFollowUps } from './release'
import { followUpStatus } from './status'

/** 401, 404 (no such item, or trashed), then 403: staff who see the participants read it; those who write to them release it. */
async function itemFor(req: PayloadRequest, collection: ItemCollection, ability: 'view' | 'email'): Promise<number> {
  if (!req.user) throw new APIError(say(req, { es: 'Inicia sesión para ver el seguimiento.', en: 'Log in to see the follow-up.' }), 401, undefined, true)
  const id = routeId(req)
  const item = await req.payload.findByID({ collection, id, depth: 0, overrideAccess: true, disableErrors: true, select: { id: true } as never, req })
  if (!item) throw new APIError('Not Found', 404, undefined, true)
  await requireAbility(req, collection, id, ability)
  return id
}

/** `GET /api/{webinars|courses}/:id/follow-ups`: where the follow-up stands, with the numbers the panel shows. */
const statusEndpoint = (collection: ItemCollection): Endpoint => ({
  path: '/:id/follow-ups',
  method: 'get',
  handler: async (req) => {
    const id = await itemFor(req, collection, 'view')
    const status = await followUpStatus(req, collection, id)
    if (!status) throw new APIError('Not Found', 404, undefined, true)
    return Response.json(status)
  },
})

/** `POST /api/{webinars|courses}/:id/follow-ups/release`: sends an item on hold to everyone confirmed (202); 409 when it is not on hold. */
const releaseEndpoint = (collection: ItemCollection): Endpoint => ({
  path: '/:id/follow-ups/release',
  method: 'post',
  handler: async (req) => {
    const id = await itemFor(req, collection, 'email')
    await releaseFollowUps(req, collection, id)
    const status = await followUpStatus(req, collection, id)
    const message = say(req, {
      es: 'Liberado: el seguimiento sale ahora a todas las personas confirmadas.',
      en: 'Released: the follow-up is going out now to everyone confirmed.',
    })
    return Response.json({ message, ...status }, { status: 202 })
  },
})

export const followUpEndpoints = (collection: ItemCollection): Endpoint[] => [statusEndpoint(collection), releaseEndpoint(collection)]
