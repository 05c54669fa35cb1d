import { APIError, commitTransaction, type Endpoint, Forbidden, initTransaction, killTransaction, NotFound } from 'payload'

import { checkRole } from '../../../access'
import { STAFF_ROLES } from '../../../access/roles'
import { sendTemplateTest } from '../../../email/sendTemplateTest'
import { say } from '../../../i18n/say'

/**
 * `POST /api/email-templates/:id/send-test` (staff): queues the saved template, with sample data, to
 * the caller's own address (src/email/sendTemplateTest.ts). Rate-limited per staff member (429).
 */
export const sendTestEmail: Endpoint = {
  path: '/:id/send-test',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw new APIError(say(req, { es: 'Inicia sesión para enviarte una prueba.', en: 'Log in to send yourself a test.' }), 401)
    if (!checkRole(STAFF_ROLES, req.user)) throw new Forbidden(req.t)
    const id = Number(req.routeParams?.id)
    if (!Number.isInteger(id) || id <= 0) throw new NotFound(req.t)
    const template = await req.payload
      .findByID({ collection: 'email-templates', id, depth: 0, overrideAccess: false, user: req.user, req })
      .catch(() => null)
    if (!template) throw new NotFound(req.t)

    const shouldCommit = await initTransaction(req)
    try {
      const queued = await sendTemplateTest(req, { id: template.id, key: template.key, locale: template.locale })
      if (shouldCommit) await commitTransaction(req)
      const message = say(req, { es: `Prueba en camino a ${queued.to}.`, en: `Test on its way to ${queued.to}.` })
      return Response.json({ message, ...queued }, { status: 202 })
    } catch (error) {
      if (shouldCommit) await killTransaction(req)
      throw error
    }
  },
}
