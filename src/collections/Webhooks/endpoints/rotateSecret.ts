import { APIError, type Endpoint, Forbidden, NotFound } from 'payload'

import { checkRole } from '../../../access'
import { say } from '../../../i18n/say'
import { rotateWebhookSecret } from '../../../webhooks/secret'

/**
 * `POST /api/webhooks/:id/rotate-secret` (admins): a new signing secret, returned this once. The old one
 * stops working at once: deliveries from now on are signed with the new one (docs/webhooks.md).
 */
export const rotateSecretEndpoint: Endpoint = {
  path: '/:id/rotate-secret',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw new APIError(say(req, { es: 'Inicie sesión para generar un secreto nuevo.', en: 'Log in to make a new secret.' }), 401, undefined, true)
    if (!checkRole(['admin'], req.user)) throw new Forbidden(req.t)
    const id = Number(req.routeParams?.id)
    if (!Number.isSafeInteger(id) || id <= 0) throw new NotFound(req.t)
    // An unknown id is Payload's own 404 from the update.
    const secret = await rotateWebhookSecret(req, id)
    return Response.json({
      message: say(req, { es: 'Cópielo ahora: no se volverá a mostrar.', en: 'Copy it now: it will not be shown again.' }),
      id,
      secret,
    })
  },
}
