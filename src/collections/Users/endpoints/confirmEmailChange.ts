import { APIError, type Endpoint, type PayloadRequest } from 'payload'

import { confirmEmailChange, findPendingEmailChange } from '../../../accounts/emailChange'
import { readJsonBody } from '../../../endpoints/readJsonBody'
import { escapeHtml } from '../../../utilities/escapeHtml'
import { htmlPage } from '../../Enrollments/endpoints/htmlPage'

const PATH = '/confirm-email-change'

const copy = {
  es: { title: 'Confirmar nuevo correo', ask: '¿Usar esta dirección como el correo de tu cuenta de Aula?', button: 'Sí, confirmar', done: 'Listo: tu cuenta ahora usa', invalid: 'Este enlace no es válido o ya venció.', taken: 'Esta dirección ya la usa otra cuenta.' },
  en: { title: 'Confirm new email', ask: 'Use this address as the email of your Aula account?', button: 'Yes, confirm', done: 'Done: your account now uses', invalid: 'This link is not valid or has expired.', taken: 'This address is already used by another account.' },
}
const languageOf = (language?: string | null) => (language === 'en' ? 'en' : 'es')
const textFor = (language?: string | null) => copy[languageOf(language)]

const queryToken = (req: PayloadRequest) => new URL(req.url ?? 'http://localhost').searchParams.get('token')
const isForm = (req: PayloadRequest) => (req.headers.get('content-type') ?? '').includes('application/x-www-form-urlencoded')

/** The error as the page a person sees, for the browser form; API callers get Payload's JSON error. */
const errorPage = (error: unknown) => {
  if (!(error instanceof APIError) || error.status >= 500) throw error
  const text = textFor()
  return htmlPage(text.title, `<p>${error.status === 409 ? text.taken : text.invalid}</p>`, error.status)
}

/**
 * `GET /api/users/confirm-email-change?token=…` (the link in the email) only asks: mail scanners
 * open links by themselves, and opening must not be what proves the address. The page's form POSTs
 * back. `POST` with `{ "token": … }` (JSON, a form, or `?token=`) applies the change: 200, 404 for
 * an unknown, used or expired link, 409 naming `email` when the address got taken meanwhile.
 */
export const confirmEmailChangeEndpoints: Endpoint[] = [
  {
    path: PATH,
    method: 'get',
    handler: async (req) => {
      const token = queryToken(req)
      try {
        const account = await findPendingEmailChange(req, token)
        const text = textFor(account.language)
        return htmlPage(
          text.title,
          `<h1>${text.title}</h1><p>${text.ask}</p><p><strong>${escapeHtml(account.pendingEmail)}</strong></p>
           <form method="post" action="/api/users${PATH}"><input type="hidden" name="token" value="${escapeHtml(String(token))}"><button type="submit">${text.button}</button></form>`,
          200,
          languageOf(account.language),
        )
      } catch (error) {
        return errorPage(error)
      }
    },
  },
  {
    path: PATH,
    method: 'post',
    handler: async (req) => {
      if (isForm(req)) {
        const form = new URLSearchParams(typeof req.text === 'function' ? await req.text() : '')
        try {
          const { email, language } = await confirmEmailChange(req, form.get('token') ?? queryToken(req))
          const text = textFor(language)
          return htmlPage(text.title, `<p>${text.done} <strong>${escapeHtml(email)}</strong>.</p>`, 200, languageOf(language))
        } catch (error) {
          return errorPage(error)
        }
      }
      const body = await readJsonBody(req)
      const { email } = await confirmEmailChange(req, body.token ?? queryToken(req))
      return Response.json({ message: 'Email changed.', email })
    },
  },
]
