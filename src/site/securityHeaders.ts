/**
 * Headers for the site's Next pages (src/app/(site)), set by the proxy per request. Next's pages need
 * script (hydration, the registration form), so unlike the API's own pages (no script at all,
 * src/endpoints/htmlResponse.ts) the CSP admits scripts from this origin and inline ones carrying
 * this request's nonce (Next stamps it on its own tags when it finds it in the request's CSP).
 * Development adds 'unsafe-eval' (React's dev build) and inline styles (Next's dev overlay); production sends neither.
 */
export function siteContentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

export const siteSecurityHeaders = (nonce: string, development: boolean): Record<string, string> => ({
  'content-security-policy': siteContentSecurityPolicy(nonce, development),
  'x-frame-options': 'DENY',
  // Stripe's checkout and other sites learn nothing of which page (which item, which search) sent the visitor.
  'referrer-policy': 'same-origin',
  'x-content-type-options': 'nosniff',
})
