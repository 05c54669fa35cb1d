/** Error bodies are small; a large body is passed through untouched rather than parsed. */
const LARGEST_REWRITTEN_BODY = 256 * 1024

/**
 * Puts the request id into a JSON error answer so a user can quote it: next to `errors` in REST
 * (`{"errors": [...], "requestId": "..."}`), under `extensions` in GraphQL (the GraphQL spec keeps
 * the top level to `data`, `errors` and `extensions`). GraphQL answers field errors with 200, so
 * its bodies are looked at whatever the status.
 */
export async function withRequestIdInErrorBody(response: Response, requestId: string, { graphql }: { graphql: boolean }): Promise<Response> {
  const isJson = (response.headers.get('content-type') ?? '').includes('json')
  if (!isJson || !response.body || (!graphql && response.status < 400)) return response
  if (Number(response.headers.get('content-length') ?? 0) > LARGEST_REWRITTEN_BODY) return response
  const text = await response.text()
  const rebuilt = (body: string) => {
    const headers = new Headers(response.headers)
    headers.delete('content-length')
    return new Response(body, { status: response.status, statusText: response.statusText, headers })
  }
  if (text.length > LARGEST_REWRITTEN_BODY || !text.includes('"errors"')) return rebuilt(text)
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return rebuilt(text)
  }
  if (!body || typeof body !== 'object' || Array.isArray(body) || !Array.isArray((body as { errors?: unknown }).errors)) return rebuilt(text)
  const record = body as Record<string, unknown>
  const withId = graphql
    ? { ...record, extensions: { ...(record.extensions as Record<string, unknown> | undefined), requestId } }
    : { ...record, requestId }
  return rebuilt(JSON.stringify(withId))
}
