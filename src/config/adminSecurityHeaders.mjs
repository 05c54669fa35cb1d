// Plain JavaScript: next.config.mjs imports it, and it cannot import TypeScript.

/**
 * The admin must not be framed by another site (clickjacking a Save or Delete) nor pass its URLs (document
 * ids, filters) to other sites. Payload's admin relies on inline scripts and styles, so the CSP here limits
 * framing, plugins, `<base>` and form targets only; Aula's own pages send a strict one (src/endpoints/htmlResponse.ts).
 */
export const adminSecurityHeaders = [
  { key: 'Content-Security-Policy', value: "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'" },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
]
