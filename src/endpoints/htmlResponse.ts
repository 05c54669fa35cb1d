import { createHash } from 'node:crypto'

/**
 * Headers for every HTML page Aula serves itself (the email-link pages, the API docs). Those pages
 * carry signed tokens in their URL, so no referrer may pass them to another site, and no other site
 * may frame them (clickjacking "Yes, cancel"). The CSP allows no script at all, nothing from another
 * origin, and only the page's own `<style>` blocks, by hash (docs/security.md, "Production secrets,
 * third parties and Aula's own HTML pages").
 */
export const pageSecurityHeaders = (html = ''): Record<string, string> => {
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => `'${sha256(match[1])}'`)
  return {
    'content-security-policy': [
      "default-src 'none'",
      `style-src ${styles.length ? styles.join(' ') : "'none'"}`,
      "img-src 'self'",
      "form-action 'self'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
  }
}

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`

/** An HTML page with the headers above; style attributes (`style="…"`) are blocked, put CSS in a `<style>` block. */
export const htmlResponse = (html: string, status = 200) =>
  new Response(html, {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...pageSecurityHeaders(html) },
  })
