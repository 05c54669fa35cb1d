import { APIError, type Endpoint } from 'payload'

import { checkRole } from '../../../access'
import { parseInput } from '../../../endpoints/parseInput'
import { readJsonBody } from '../../../endpoints/readJsonBody'
import { routeId } from '../../../endpoints/routeId'
import { say } from '../../../i18n/say'
import { formatAmount } from '../../../payments/money'
import { requestRefund } from '../../../payments/refunds'

const REFUND_INPUT = {
  amount: { kind: 'number' },
  reason: { kind: 'string', maxLength: 500 },
} as const

/**
 * `POST /api/payments/:id/refund {amount?, reason?}` (admins; the admin's "Refund" button): asks Stripe
 * to give back `amount` (everything left when absent) and answers 202. Stripe's `charge.refunded` webhook
 * then records it: `amountRefunded`, and once the whole payment is back, the payment and its seats refunded.
 */
export const refundEndpoint: Endpoint = {
  path: '/:id/refund',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw new APIError(say(req, { es: 'Inicia sesión para reembolsar un pago.', en: 'Log in to refund a payment.' }), 401, undefined, true)
    if (!checkRole(['admin'], req.user)) throw new APIError(say(req, { es: 'Solo un administrador puede reembolsar pagos.', en: 'Only admins can refund payments.' }), 403, undefined, true)
    const id = routeId(req)
    const { amount, reason } = parseInput(await readJsonBody(req), REFUND_INPUT, 'payments')
    const payment = await req.payload.findByID({ collection: 'payments', id, depth: 0, overrideAccess: true, disableErrors: true, req })
    if (!payment) throw new APIError('Not Found', 404, undefined, true)
    if (payment.status !== 'succeeded') {
      throw new APIError(say(req, { es: `Solo se puede reembolsar un pago exitoso (este está en ${payment.status}).`, en: `Only a succeeded payment can be refunded (this one is ${payment.status}).` }), 409, undefined, true)
    }
    let requested
    try {
      requested = await requestRefund(req, payment, { amount, reason })
    } catch (error) {
      if (error instanceof APIError) throw error
      req.payload.logger.error({ err: error, msg: `Stripe refund failed for payment ${id}` })
      throw new APIError(say(req, { es: `Stripe no aceptó el reembolso: ${(error as Error).message}`, en: `Stripe did not accept the refund: ${(error as Error).message}` }), 502, undefined, true)
    }
    if (!requested) throw new APIError(say(req, { es: 'Este pago ya fue reembolsado por completo.', en: 'This payment has already been refunded in full.' }), 409, undefined, true)
    const money = `${formatAmount(requested.amount, String(payment.currency))} ${payment.currency}`
    return Response.json(
      {
        message: say(req, {
          es: `Reembolso de ${money} solicitado a Stripe; el pago lo reflejará cuando Stripe lo confirme.`,
          en: `Refund of ${money} requested from Stripe; the payment shows it once Stripe confirms.`,
        }),
        refund: requested,
      },
      { status: 202 },
    )
  },
}
