import { APIError, type Endpoint } from 'payload'

import { checkRole } from '../../../access'
import { routeId } from '../../../endpoints/routeId'
import { say } from '../../../i18n/say'
import { requestRefund } from '../../../payments/refunds'

/**
 * `POST /api/payments/:id/refund` (admins; the admin's "Refund" button): asks Stripe for a full
 * refund and answers 202. The `charge.refunded` webhook then completes the change.
 */
export const refundEndpoint: Endpoint = {
  path: '/:id/refund',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw new APIError(say(req, { es: 'Inicia sesión para reembolsar un pago.', en: 'Log in to refund a payment.' }), 401, undefined, true)
    if (!checkRole(['admin'], req.user)) throw new APIError(say(req, { es: 'Solo un administrador puede reembolsar pagos.', en: 'Only admins can refund payments.' }), 403, undefined, true)
    const id = routeId(req)
    const payment = await req.payload.findByID({ collection: 'payments', id, depth: 0, overrideAccess: true, disableErrors: true, req })
    if (!payment) throw new APIError('Not Found', 404, undefined, true)
    if (payment.status !== 'succeeded') {
      throw new APIError(say(req, { es: `Solo se puede reembolsar un pago exitoso (este está en ${payment.status}).`, en: `Only a succeeded payment can be refunded (this one is ${payment.status}).` }), 409, undefined, true)
    }
    try {
      await requestRefund(req, payment)
    } catch (error) {
      if (error instanceof APIError) throw error
      req.payload.logger.error({ err: error, msg: `Stripe refund failed for payment ${id}` })
      throw new APIError(say(req, { es: `Stripe no aceptó el reembolso: ${(error as Error).message}`, en: `Stripe did not accept the refund: ${(error as Error).message}` }), 502, undefined, true)
    }
    return Response.json(
      {
        message: say(req, {
          es: 'Reembolso solicitado a Stripe; el pago figurará como reembolsado cuando Stripe lo confirme.',
          en: 'Refund requested from Stripe; the payment shows as refunded once Stripe confirms it.',
        }),
      },
      { status: 202 },
    )
  },
}
