import { type NextRequest, NextResponse } from 'next/server'

import { isAdminPath, refererIsAdminPage } from './i18n/adminPage'
import { siteSecurityHeaders } from './site/securityHeaders'

/**
 * The admin's language is the person's, never the browser's. Payload picks it from its `payload-lng`
 * cookie (set at login from the user's `language`), else from the browser's Accept-Language, else
 * Spanish (`fallbackLanguage`). A coordinator with an English browser therefore met an English login
 * page. Before that cookie exists, admin pages, and the API calls those pages make (their Referer is
 * an admin page), are answered as if the browser had said nothing: in Spanish. API clients elsewhere
 * keep their Accept-Language. (Payload's cookie prefix is the default, `payload`.)
 */
export function proxy(request: NextRequest) {
  if (isSitePath(request.nextUrl.pathname)) return sitePage(request)
  if (request.cookies.has('payload-lng') || !request.headers.has('accept-language') || !fromAdmin(request)) return NextResponse.next()
  const headers = new Headers(request.headers)
  headers.delete('accept-language')
  return NextResponse.next({ request: { headers } })
}

function fromAdmin(request: NextRequest): boolean {
  return isAdminPath(request.nextUrl.pathname) || refererIsAdminPage(request.headers.get('referer'))
}

/**
 * The public site (src/app/(site)): a fresh CSP nonce per page (Next reads it from the request's CSP and
 * puts it on its scripts), and the page's path without its language prefix, for the language switch.
 */
function sitePage(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID())
  const security = siteSecurityHeaders(nonce, process.env.NODE_ENV !== 'production')
  const headers = new Headers(request.headers)
  const { pathname, search } = request.nextUrl
  headers.set('x-nonce', nonce)
  headers.set('x-site-language', /^\/en(\/|$)/.test(pathname) ? 'en' : 'es')
  headers.set('x-site-path', `${pathname.replace(/^\/(en|es)(?=\/|$)/, '') || '/'}${search}`)
  headers.set('content-security-policy', security['content-security-policy'])
  const response = NextResponse.next({ request: { headers } })
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value)
  return response
}

const SITE_PATHS = [/^\/$/, /^\/(en|es)(\/.*)?$/, /^\/(webinars|courses)\/[^/]+$/, /^\/verify$/]
const isSitePath = (pathname: string) => SITE_PATHS.some((pattern) => pattern.test(pathname))

/**
 * An API call needs the proxy only in the one case `proxy` changes it: sent by an admin page (its Referer),
 * with an Accept-Language, before the language cookie exists. Every other API call (websites, apps, the
 * registration burst) skips it: Next then neither builds a request for the proxy nor copies the body so the
 * route can read it again (docs/benchmarks.md). Next anchors a `value` (`^…$`); `proxy` still checks the
 * Referer's path itself. Literal values only: Next reads this object from the source at build time.
 */
export const config = {
  matcher: [
    '/admin/:path*',
    {
      source: '/api/:path*',
      has: [
        { type: 'header', key: 'referer', value: '[a-zA-Z][a-zA-Z0-9+.-]*://[^/?#]*/admin(?:[/?#].*)?' },
        { type: 'header', key: 'accept-language' },
      ],
      missing: [{ type: 'cookie', key: 'payload-lng' }],
    },
    '/', '/en/:path*', '/es/:path*', '/webinars/:path*', '/courses/:path*', '/verify',
  ],
}
