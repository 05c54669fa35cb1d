import { APIError, type PayloadRequest } from 'payload'

/**
 * Custom endpoints get the raw request: Payload does not parse the body for them. An empty body
 * is `{}`; anything that is not a JSON object is the caller's mistake (400), never a 500.
 */
export async function readJsonBody(req: PayloadRequest): Promise<Record<string, unknown>> {
  if (req.data && typeof req.data === 'object') return req.data as Record<string, unknown>
  const text = typeof req.text === 'function' ? await req.text() : ''
  if (!text.trim()) return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new APIError('The request body is not valid JSON.', 400, undefined, true)
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new APIError('The request body must be a JSON object.', 400, undefined, true)
  }
  return parsed as Record<string, unknown>
}
