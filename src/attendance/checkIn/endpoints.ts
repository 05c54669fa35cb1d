import { APIError, type Endpoint, generatePayloadCookie, type PayloadRequest, ValidationError } from 'payload'

import { readJsonBody } from '../../endpoints/readJsonBody'
import { routeId } from '../../endpoints/routeId'
import type { ItemCollection } from '../../enrollment/statuses'
import { adminLanguage, say } from '../../i18n/say'
import { checkIn } from './checkIn'
import { normalizeCode } from './code'
import { checkInDone, checkInForm, checkInProblem, type PageLanguage } from './page'
import { countCheckInAttempt, personKey } from './rateLimit'
import { staffCheckInCode } from './staffCode'
import { checkInPath, findCheckInPlace } from './target'

const sessionOf = (req: PayloadRequest, collection: ItemCollection) => (collection === 'courses' ? String(req.routeParams?.sessionId ?? '') : null)
const pageLanguage = (req: PayloadRequest): PageLanguage => {
  const own = (req.user as { language?: string } | null)?.language
  return own === 'en' || own === 'es' ? own : adminLanguage(req)
}
const isForm = (req: PayloadRequest) => (req.headers.get('content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')

/**
 * The form on the check-in page logs a student in and marks them: refuse it from another site
 * (login CSRF). Browsers send `Origin` on every form POST, and `Sec-Fetch-Site` where they can.
 */
function refuseCrossSite(req: PayloadRequest) {
  const origin = req.headers.get('origin')
  const allowed = [req.payload.config.serverURL, ...(Array.isArray(req.payload.config.csrf) ? req.payload.config.csrf : [])].filter(Boolean)
  const site = req.headers.get('sec-fetch-site')
  if ((origin && origin !== 'null' && !allowed.includes(origin)) || origin === 'null' || site === 'cross-site') {
    throw new APIError(say(req, { es: 'Este formulario solo se envía desde la página de asistencia de Aula.', en: 'This form may only be sent from Aula’s check-in page.' }), 403, undefined, true)
  }
}

const messageOf = (error: unknown) => {
  if (error instanceof ValidationError) return (error.data as { errors?: { message: string }[] })?.errors?.[0]?.message ?? error.message
  return (error as Error).message
}
const statusOf = (error: unknown) => (error instanceof APIError ? error.status : 500)

/** The page: GET shows the form, a form POST logs in when needed and checks in; JSON callers get JSON. */
const page = (collection: ItemCollection, path: string): Endpoint[] => [
  {
    path,
    method: 'get',
    handler: async (req) => {
      const language = pageLanguage(req)
      try {
        const place = await findCheckInPlace(req, collection, routeId(req), sessionOf(req, collection))
        const code = normalizeCode(req.searchParams?.get('code') ?? new URL(req.url ?? 'http://x').searchParams.get('code')) ?? ''
        return checkInForm({ place, language, action: `${req.payload.config.routes.api}${checkInPath(place)}`, code, userEmail: req.user ? String(req.user.email ?? '') : null })
      } catch (error) {
        if (statusOf(error) >= 500) throw error
        return checkInProblem(language, say(language, { es: 'Esta sesión no existe.', en: 'This session does not exist.' }), 404)
      }
    },
  },
  {
    path,
    method: 'post',
    handler: async (req) => {
      const itemId = routeId(req)
      const sessionId = sessionOf(req, collection)
      if (!isForm(req)) {
        const body = await readJsonBody(req)
        const { result, place } = await checkIn(req, collection, itemId, sessionId, body.code)
        return Response.json({ result, present: true, item: { collection, id: itemId, title: place.title }, sessionId: place.sessionId }, { status: result === 'recorded' ? 201 : 200 })
      }
      return formCheckIn(req, collection, itemId, sessionId)
    },
  },
]

async function formCheckIn(req: PayloadRequest, collection: ItemCollection, itemId: number, sessionId: string | null): Promise<Response> {
  let language = pageLanguage(req)
  const form = new URLSearchParams(typeof req.text === 'function' ? await req.text() : '')
  const typed = (form.get('code') ?? '').slice(0, 20)
  let place
  try {
    refuseCrossSite(req)
    place = await findCheckInPlace(req, collection, itemId, sessionId)
  } catch (error) {
    if (statusOf(error) >= 500) throw error
    return checkInProblem(language, messageOf(error), statusOf(error))
  }
  const action = `${req.payload.config.routes.api}${checkInPath(place)}`
  let cookie: string | null = null
  try {
    if (!req.user) cookie = await logIn(req, form.get('email') ?? '', form.get('password') ?? '')
    language = pageLanguage(req)
    const { result } = await checkIn(req, collection, itemId, sessionId, typed)
    const response = checkInDone(place, language, result)
    if (cookie) response.headers.append('set-cookie', cookie)
    return response
  } catch (error) {
    if (statusOf(error) >= 500) throw error
    const response = checkInForm({ place, language, action, code: normalizeCode(typed) ?? '', userEmail: req.user ? String(req.user.email ?? '') : null, error: messageOf(error), status: statusOf(error) })
    if (cookie) response.headers.append('set-cookie', cookie)
    return response
  }
}

/** Payload's own login (lockout after failed tries, verified accounts only), counted against the check-in budget; the session cookie for the answer. */
async function logIn(req: PayloadRequest, email: string, password: string): Promise<string> {
  if (!email.trim() || !password) throw new APIError(say(req, { es: 'Escribe tu correo y tu contraseña.', en: 'Type your email and password.' }), 401, undefined, true)
  await countCheckInAttempt(req, personKey(req, email))
  let result
  try {
    result = await req.payload.login({ collection: 'users', data: { email: email.trim(), password }, req })
  } catch {
    throw new APIError(say(req, { es: 'Correo o contraseña incorrectos.', en: 'Wrong email or password.' }), 401, undefined, true)
  }
  if (!result.token || !result.user) throw new APIError(say(req, { es: 'Correo o contraseña incorrectos.', en: 'Wrong email or password.' }), 401, undefined, true)
  req.user = { ...result.user, collection: 'users' } as PayloadRequest['user']
  const users = req.payload.collections.users.config
  return generatePayloadCookie({ collectionAuthConfig: users.auth, cookiePrefix: req.payload.config.cookiePrefix, token: result.token })
}

/** `GET …/check-in-code`: the code, its window and the QR, for whoever may mark the session. */
const staffCode = (collection: ItemCollection, path: string): Endpoint => ({
  path,
  method: 'get',
  handler: async (req) => Response.json(await staffCheckInCode(req, collection, routeId(req), sessionOf(req, collection))),
})

/** Mounted on courses (per session) and webinars (one meeting). */
export const checkInEndpoints = (collection: ItemCollection): Endpoint[] =>
  collection === 'courses'
    ? [...page('courses', '/:id/sessions/:sessionId/check-in'), staffCode('courses', '/:id/sessions/:sessionId/check-in-code')]
    : [...page('webinars', '/:id/check-in'), staffCode('webinars', '/:id/check-in-code')]
