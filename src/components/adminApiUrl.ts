/**
 * The URL an admin component calls for `path` under Aula's API, relative to the page itself.
 * Never built from `config.serverURL`: staff may open the admin under another host name than
 * SERVER_URL (127.0.0.1 vs localhost, an internal name behind the proxy), and their session cookie
 * belongs to the host they opened, so an absolute URL to SERVER_URL arrives without it (a 401).
 * `tests/int/admin-relative-api.int.spec.ts` fails on a component that builds one.
 */
export const adminApiUrl = (config: { routes: { api: string } }, path = ''): string => {
  const api = config.routes.api.replace(/\/$/, '')
  if (!path) return api
  return `${api}${path.startsWith('/') ? path : `/${path}`}`
}
