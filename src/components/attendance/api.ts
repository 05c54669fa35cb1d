import { adminApiUrl } from '../adminApiUrl'
import { errorText } from '../participants/api'

/* The roster screen's calls: relative URLs (src/components/adminApiUrl.ts), errors as one readable line. */

/** `…/courses/7/sessions/<id>` or `…/webinars/7`: the base every attendance address hangs from. */
export const meetingUrl = (config: { routes: { api: string } }, collection: string, id: number, sessionId: string | null) =>
  adminApiUrl(config, collection === 'courses' ? `/courses/${id}/sessions/${encodeURIComponent(sessionId ?? '')}` : `/webinars/${id}`)

export async function send(url: string, init?: { method: string; json?: unknown; form?: FormData }) {
  const response = await fetch(url, {
    method: init?.method ?? 'GET',
    credentials: 'include',
    headers: init?.json !== undefined ? { 'content-type': 'application/json' } : undefined,
    body: init?.json !== undefined ? JSON.stringify(init.json) : init?.form,
  })
  const body = await response.json().catch(() => ({}))
  if (!response.ok) throw new Error(errorText(body, response.status))
  return body
}
