import type { AfterErrorHook, PayloadRequest } from 'payload'

import { errorChain, ownStatus } from '../utilities/errorChain'

/**
 * PostgreSQL errors that can only come from what the caller sent: a value of the wrong type for a
 * column (`/api/webinars/abc`, `where[id][in]=1,abc`), a number out of range (`1e99`), a NUL byte, an
 * impossible date. Payload passes them on as 500s; they are the caller's mistake, so 400 (in
 * GraphQL, `extensions.statusCode` 400 with the same message).
 */
const CLIENT_DATA_CODES: Record<string, string> = {
  '22P02': 'a value is not of the expected type',
  '22003': 'a number is out of range',
  '22021': 'the text contains a byte sequence that is not valid UTF-8 (such as a NUL byte)',
  '22007': 'a date or time is not valid',
  '22008': 'a date or time is out of range',
  '22009': 'a time zone offset is out of range',
  '22001': 'a value is too long',
  // Payload's internal collections (payload-jobs, payload-preferences…) take `?page=-1` as a negative OFFSET: Aula's paging guard cannot reach them.
  '2201W': 'limit must not be negative',
  '2201X': 'page must be 1 or more',
  // …and a NUL in JSON written to their json columns (payload-jobs-stats).
  '22P05': 'JSON cannot contain a NUL character (\\u0000)',
}
const CLIENT_MESSAGES = [/Unexpected end of form/i, /Malformed part header/i, /Unexpected end of multipart data/i]

const clientReason = (error: unknown): string | null => {
  for (const link of errorChain(error)) {
    const { code, message } = link as { code?: unknown; message?: unknown }
    if (typeof code === 'string' && code in CLIENT_DATA_CODES) return CLIENT_DATA_CODES[code]
    if (typeof message === 'string' && CLIENT_MESSAGES.some((pattern) => pattern.test(message))) return 'the multipart body is incomplete'
  }
  return null
}

/**
 * Payload's REST parser reads a string `where` or `data` query parameter as JSON before any hook can
 * look at it, and `?where=abc` threw a SyntaxError (500). Nothing of Aula's runs earlier, so this is
 * where it is named: the parameter the caller wrote that is not JSON.
 */
function malformedJsonParam(req: PayloadRequest | undefined): string | null {
  const query = req?.query as Record<string, unknown> | undefined
  for (const name of ['where', 'data']) {
    const raw = query?.[name]
    if (typeof raw !== 'string' || raw.length === 0) continue
    try {
      JSON.parse(raw)
    } catch {
      return name
    }
  }
  return null
}

export const answerClientErrorsWith400: AfterErrorHook = ({ error, graphqlResult, req }) => {
  if (ownStatus(error) < 500) return
  const param = error instanceof SyntaxError ? malformedJsonParam(req) : null
  if (param) {
    const message = `${param} must be an object (${param}[field][operator]=value) or JSON.`
    return { status: 400, response: { errors: [{ name: 'ValidationError', message, data: { errors: [{ path: param, message }] } }] } }
  }
  const reason = clientReason(error)
  if (!reason) return
  const message = `Bad request: ${reason}.`
  if (graphqlResult) return { graphqlResult: { ...graphqlResult, message, extensions: { ...graphqlResult.extensions, statusCode: 400 } } }
  return { status: 400, response: { errors: [{ message }] } }
}
