// Plain JavaScript: next.config.mjs imports it, and it cannot import TypeScript.

/** Names of this machine: a page on one of them is the same server as on the others. */
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]']

const parse = (origin) => {
  try {
    return new URL(origin)
  } catch {
    return null
  }
}

/**
 * `origin` under the machine's other loopback names (`http://localhost:3300` → `http://127.0.0.1:3300`,
 * `http://[::1]:3300`), or nothing for a real host name. `npm run dev` prints one of them, the browser
 * may be opened at another; Payload's CSRF list must accept each, or the admin's requests lose their
 * session (docs/security.md, "Host names").
 * @param {string} origin
 * @returns {string[]}
 */
export function loopbackAliases(origin) {
  const url = parse(origin)
  if (!url || !LOOPBACK_HOSTS.includes(url.hostname)) return []
  const port = url.port ? `:${url.port}` : ''
  return LOOPBACK_HOSTS.filter((host) => host !== url.hostname).map((host) => `${url.protocol}//${host}${port}`)
}

/**
 * Host names whose pages may load `next dev`'s scripts (`allowedDevOrigins`): SERVER_URL's,
 * CORS_ORIGINS', and the loopback names. Next blocks every other host, and the admin is blank there.
 * @param {Record<string, string | undefined>} env
 * @returns {string[]}
 */
export function allowedDevHosts(env) {
  const origins = [env.SERVER_URL || 'http://localhost:3000', ...(env.CORS_ORIGINS ?? '').split(',')]
  const hosts = origins.map((origin) => parse(origin.trim())?.hostname).filter((host) => Boolean(host))
  return [...new Set([...hosts, ...LOOPBACK_HOSTS])]
}
