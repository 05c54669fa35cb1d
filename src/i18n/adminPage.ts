/** An admin page's path: `/admin` and everything under it. */
export const isAdminPath = (pathname: string): boolean => pathname === '/admin' || pathname.startsWith('/admin/')

/**
 * Whether a request came from an admin page, by its Referer (the admin sends it to its own origin only:
 * Referrer-Policy same-origin, src/config/adminSecurityHeaders.mjs). Used by src/proxy.ts, which fixes the
 * language of those requests, and by src/server/registrationRoute.ts, which leaves them to that proxy.
 */
export function refererIsAdminPage(referer: string | null | undefined): boolean {
  if (!referer) return false
  try {
    return isAdminPath(new URL(referer).pathname)
  } catch {
    return false
  }
}
