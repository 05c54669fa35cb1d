import { APIError, type Endpoint } from 'payload'

import { pageSecurityHeaders } from '../../../endpoints/htmlResponse'
import { routeId } from '../../../endpoints/routeId'
import { isValidPayToken } from '../../../enrollment/cancelToken'
import { transferInstructionsHtml } from '../../../commerce/manualPayments/transferPage'
import { attachSession } from '../../../payments/checkout'
import { paymentOfEnrollment } from '../../../payments/payments'
import { getClock } from '../../../utilities/clock'
import { htmlPage } from './htmlPage'

const copy = {
  es: {
    title: 'Pago de tu inscripción',
    paid: 'Esta inscripción ya está pagada y confirmada. ¡Te esperamos!',
    expired: 'El plazo para pagar este lugar terminó y el lugar pasó a otra persona. Puedes inscribirte de nuevo desde la página del evento.',
    unreachable: 'No pudimos conectar con la pasarela de pago. Tu lugar sigue reservado: vuelve a abrir el enlace en unos minutos.',
  },
  en: {
    title: 'Your enrollment payment',
    paid: 'This enrollment is already paid and confirmed. See you there!',
    expired: 'The time to pay for this seat is over and the seat went to someone else. You can register again from the event page.',
    unreachable: 'We could not reach the payment provider. Your seat is still held: open the link again in a few minutes.',
  },
}

/**
 * `GET /api/enrollments/:id/pay?token=…` (the `payUrl` in the "a seat opened up" email): sends the
 * person to the Stripe Checkout Session of their held seat, opening it if the job has not yet. The
 * signed token stands in for a login. A paid enrollment, or a hold that has ended, gets a page
 * saying so instead; Stripe being unreachable keeps the hold (the link works again later).
 */
export const payLinkEndpoint: Endpoint = {
  path: '/:id/pay',
  method: 'get',
  handler: async (req) => {
    const id = routeId(req)
    const token = new URL(req.url ?? 'http://localhost').searchParams.get('token')
    if (!isValidPayToken(req.payload.secret, id, token)) throw new APIError('Not Found', 404, undefined, true)
    const enrollment = await req.payload.findByID({ collection: 'enrollments', id, depth: 1, overrideAccess: true, disableErrors: true })
    if (!enrollment) throw new APIError('Not Found', 404, undefined, true)
    const user = enrollment.user as { language?: string | null } | number
    const lang = typeof user === 'object' && user?.language === 'en' ? 'en' : 'es'
    const text = copy[lang]
    if (enrollment.status === 'confirmed') return htmlPage(text.title, `<p>${text.paid}</p>`, 200, lang)
    const payment = enrollment.status === 'pending_payment' ? await paymentOfEnrollment(req, id) : null
    const holdEnds = payment?.holdExpiresAt ? new Date(payment.holdExpiresAt).getTime() : 0
    if (!payment || payment.status !== 'pending' || holdEnds <= getClock(req.payload).now().getTime()) {
      return htmlPage(text.title, `<p>${text.expired}</p>`, 410, lang)
    }
    // A seat held for a bank transfer has no card checkout: the page says how to pay instead.
    if (payment.provider === 'manual') return htmlPage(text.title, await transferInstructionsHtml(req, payment, lang), 200, lang)
    try {
      const { checkoutUrl } = await attachSession(req, enrollment as unknown as Record<string, unknown>, payment)
      // no-referrer also covers the hop to Stripe: the token in this URL stays here.
      return new Response(null, { status: 303, headers: { location: checkoutUrl, 'cache-control': 'no-store', ...pageSecurityHeaders() } })
    } catch (error) {
      req.payload.logger.error({ err: error, msg: `Could not open Stripe Checkout for enrollment ${id} from its pay link` })
      return htmlPage(text.title, `<p>${text.unreachable}</p>`, 502, lang)
    }
  },
}
