import type { AfterErrorHook } from 'payload'

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
  '22001': 'a value is too long',
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

export const answerClientErrorsWith400: AfterErrorHook = ({ error, graphqlResult }) => {
  if (ownStatus(error) < 500) return
  const reason = clientReason(error)
  if (!reason) return
  const message = `Bad request: ${reason}.`
  if (graphqlResult) return { graphqlResult: { ...graphqlResult, message, extensions: { ...graphqlResult.extensions, statusCode: 400 } } }
  return { status: 400, response: { errors: [{ message }] } }
}
