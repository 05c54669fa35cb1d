import { APIError, type Endpoint, type PayloadRequest } from 'payload'

import { routeId } from '../../../endpoints/routeId'
import { endEnrollment } from '../../../enrollment/cancel'
import { isValidCancelToken } from '../../../enrollment/cancelToken'
import { escapeHtml } from '../../../utilities/escapeHtml'
import { htmlPage } from './htmlPage'

const copy = {
  es: { title: 'Cancelar inscripción', ask: '¿Quieres cancelar tu inscripción en', button: 'Sí, cancelar', done: 'Tu inscripción fue cancelada. Tu lugar pasa a otra persona.', already: 'Esta inscripción ya no está activa.' },
  en: { title: 'Cancel enrollment', ask: 'Do you want to cancel your enrollment in', button: 'Yes, cancel', done: 'Your enrollment has been cancelled. Your seat goes to someone else.', already: 'This enrollment is no longer active.' },
}

async function load(req: PayloadRequest) {
  const id = routeId(req)
  const url = new URL(req.url ?? 'http://localhost')
  const form = req.method === 'POST' ? new URLSearchParams(typeof req.text === 'function' ? await req.text() : '') : null
  const token = form?.get('token') ?? url.searchParams.get('token')
  if (!isValidCancelToken(req.payload.secret, id, token)) throw new APIError('Not Found', 404, undefined, true)
  const enrollment = await req.payload.findByID({ collection: 'enrollments', id, depth: 1, overrideAccess: true, disableErrors: true })
  if (!enrollment) throw new APIError('Not Found', 404, undefined, true)
  const user = enrollment.user as { language?: string } | number
  const lang: 'es' | 'en' = typeof user === 'object' && user?.language === 'en' ? 'en' : 'es'
  const text = copy[lang]
  const item = enrollment.item?.value as { title?: string } | number | undefined
  const title = typeof item === 'object' ? (item?.title ?? '') : ''
  return { id, token: String(token), enrollment, text, lang, title }
}

/**
 * `GET /api/enrollments/:id/cancel-link?token=…` (the `cancelUrl` in emails) asks for confirmation;
 * the page's form POSTs back and cancels. The signed token stands in for a login.
 */
export const cancelLinkEndpoints: Endpoint[] = [
  {
    path: '/:id/cancel-link',
    method: 'get',
    handler: async (req) => {
      const { id, token, enrollment, text, lang, title } = await load(req)
      if (!['confirmed', 'pending_payment', 'waitlisted'].includes(String(enrollment.status))) return htmlPage(text.title, `<p>${text.already}</p>`, 200, lang)
      return htmlPage(
        text.title,
        `<h1>${text.title}</h1><p>${text.ask} <strong>${escapeHtml(title)}</strong>?</p>
         <form method="post" action="/api/enrollments/${id}/cancel-link"><input type="hidden" name="token" value="${escapeHtml(token)}"><button type="submit">${text.button}</button></form>`,
        200,
        lang,
      )
    },
  },
  {
    path: '/:id/cancel-link',
    method: 'post',
    handler: async (req) => {
      const { id, enrollment, text, lang } = await load(req)
      if (!['confirmed', 'pending_payment', 'waitlisted'].includes(String(enrollment.status))) return htmlPage(text.title, `<p>${text.already}</p>`, 200, lang)
      await endEnrollment(req, id, { reason: 'Cancelled from the email link' })
      return htmlPage(text.title, `<p>${text.done}</p>`, 200, lang)
    },
  },
]
