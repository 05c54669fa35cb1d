/** Emails counted per request at most: more cannot make a caller's budget smaller, only the work larger. */
const MAX_EMAILS = 3

/** The same address however it is typed: `" Ana@Example.COM "` and `ana@example.com` share a budget. */
export const normalizeEmail = (email: string) => email.normalize('NFKC').trim().toLowerCase()

/**
 * The `email` values in a parsed body: at its top level and one object down (`person.email`,
 * `data.email`), as Aula's endpoints and mutations read them.
 */
export function emailsIn(value: unknown, found = new Set<string>()): Set<string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return found
  const record = value as Record<string, unknown>
  const add = (candidate: unknown) => {
    if (typeof candidate === 'string' && candidate.trim() && found.size < MAX_EMAILS) found.add(normalizeEmail(candidate))
  }
  add(record.email)
  for (const nested of Object.values(record)) {
    if (nested && typeof nested === 'object' && !Array.isArray(nested)) add((nested as Record<string, unknown>).email)
  }
  return found
}

/**
 * Every email a REST body may carry, in each format an endpoint accepts: Aula's own endpoints parse
 * the body as JSON whatever its Content-Type says; Payload's login and forgot-password read JSON,
 * or multipart with the document as a `_payload` JSON field. Form fields count too, so a caller
 * gains nothing by switching format or by spelling the header `Application/JSON`.
 */
export async function emailsInBody(request: Request): Promise<string[]> {
  const found = new Set<string>()
  const text = await request.clone().text()
  const json = parseJson(text)
  if (json !== undefined) return [...emailsIn(json, found)]
  const type = (request.headers.get('content-type') ?? '').toLowerCase()
  if (type.includes('multipart/form-data') || type.includes('application/x-www-form-urlencoded')) {
    const form = await request
      .clone()
      .formData()
      .catch(() => null)
    for (const [name, value] of form ?? []) {
      if (typeof value !== 'string') continue
      if (name === '_payload') emailsIn(parseJson(value), found)
      else if (name === 'email') emailsIn({ email: value }, found)
    }
  }
  return [...found]
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
