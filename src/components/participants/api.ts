import { adminApiUrl } from '../adminApiUrl'

/* The participants page's calls to its endpoints: relative URLs (src/components/adminApiUrl.ts), errors as one readable line. */

export interface PageFilters {
  status: string
  attended: string
  q: string
}

export const filterQuery = (filters: PageFilters, language: string): string => {
  const query = new URLSearchParams()
  if (filters.status) query.set('status', filters.status)
  if (filters.attended) query.set('attended', filters.attended)
  if (filters.q.trim()) query.set('q', filters.q.trim())
  query.set('locale', language === 'en' ? 'en' : 'es')
  return query.toString()
}

/** The same filters as a message's audience. */
export const audienceOf = (filters: PageFilters) => ({
  status: filters.status ? [filters.status] : undefined,
  attended: filters.attended ? filters.attended === 'true' : undefined,
  q: filters.q.trim() || undefined,
})

export const itemUrl = (config: { routes: { api: string } }, collection: string, id: number | string, path = '') =>
  adminApiUrl(config, `/${collection}/${id}/participants${path}`)

/** Payload's error shape: the first field message when there is one. */
export function errorText(body: any, status: number): string {
  const first = body?.errors?.[0]
  return first?.data?.errors?.[0]?.message ?? first?.message ?? `Error ${status}`
}

export async function callJson(url: string, init?: { method: string; body: unknown }) {
  const response = await fetch(url, {
    method: init?.method ?? 'GET',
    credentials: 'include',
    headers: init ? { 'content-type': 'application/json' } : undefined,
    body: init ? JSON.stringify(init.body) : undefined,
  })
  const body = await response.json().catch(() => ({}))
  if (!response.ok) throw new Error(errorText(body, response.status))
  return body
}
