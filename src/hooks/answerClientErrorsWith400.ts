import type { AfterErrorHook } from 'payload'

/**
 * PostgreSQL errors that can only come from what the caller sent: a value of the wrong type for a
 * column (`/api/webinars/abc`, `where[id][in]=1,abc`), a number out of range (`1e99`), a NUL byte, an
 * impossible date. Payload passes them on as 500s; they are the caller's mistake, so 400.
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

const databaseCode = (error: unknown): string | undefined => {
  for (let current = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; current && depth < 5; current = current.cause as typeof current, depth += 1) {
    if (typeof current.code === 'string' && current.code in CLIENT_DATA_CODES) return current.code
  }
  return undefined
}

export const answerClientErrorsWith400: AfterErrorHook = ({ error }) => {
  if (((error as { status?: number })?.status ?? 500) < 500) return
  const code = databaseCode(error)
  const reason = code ? CLIENT_DATA_CODES[code] : CLIENT_MESSAGES.some((pattern) => pattern.test(error?.message ?? '')) ? 'the multipart body is incomplete' : null
  if (!reason) return
  return { status: 400, response: { errors: [{ message: `Bad request: ${reason}.` }] } }
}
