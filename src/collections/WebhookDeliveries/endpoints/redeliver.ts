import { APIError, type Endpoint, Forbidden, NotFound } from 'payload'

import { checkRole } from '../../../access'
import { say } from '../../../i18n/say'
import { redeliverWebhookDelivery } from '../../../webhooks/delivery/redeliver'

/** `POST /api/webhook-deliveries/:id/redeliver` (admins): the same event sent once more, now. */
export const redeliverEndpoint: Endpoint = {
  path: '/:id/redeliver',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw new APIError(say(req, { es: 'Inicie sesión para reenviar una entrega.', en: 'Log in to redeliver.' }), 401, undefined, true)
    if (!checkRole(['admin'], req.user)) throw new Forbidden(req.t)
    const id = Number(req.routeParams?.id)
    if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) throw new NotFound(req.t)
    await redeliverWebhookDelivery(req, id)
    return Response.json({ message: say(req, { es: 'Entrega en cola de nuevo.', en: 'Delivery queued again.' }), id, status: 'pending' })
  },
}
