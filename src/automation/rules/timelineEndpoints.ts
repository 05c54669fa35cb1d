import type { Endpoint } from 'payload'

import { routeId } from '../../endpoints/routeId'
import type { ItemCollection } from '../../enrollment/statuses'
import { readItemEmailPlan, readPersonEmailPlan } from './timelineAccess'

/** `GET /api/{webinars|courses}/:id/email-plan`: what the rules send for the item, and when (staff). */
export const itemEmailPlanEndpoint = (collection: ItemCollection): Endpoint => ({
  path: '/:id/email-plan',
  method: 'get',
  handler: async (req) => Response.json(await readItemEmailPlan(req, collection, routeId(req))),
})

/** `GET /api/users/:id/email-plan`: what a person got and will get (staff, or the person themself). */
export const personEmailPlanEndpoint: Endpoint = {
  path: '/:id/email-plan',
  method: 'get',
  handler: async (req) => Response.json(await readPersonEmailPlan(req, routeId(req))),
}
