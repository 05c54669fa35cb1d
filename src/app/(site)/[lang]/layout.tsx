import { headers } from 'next/headers'
import { notFound } from 'next/navigation'
import type React from 'react'

import { isSiteLanguage, sitePath, SITE_CSS, siteFooterHtml, siteHeaderHtml, SITE_NAME } from '@/site/theme'

// Rendered per request: the API is read at request time (never at build) and each page carries its own CSP nonce.
export const dynamic = 'force-dynamic'

export const metadata = { title: { default: SITE_NAME, template: `%s · ${SITE_NAME}` } }

/**
 * The public site's root layout (the admin has its own under (payload)). The header and footer are
 * the same HTML the API's own pages use (src/site/theme.ts), so an email link lands in the same site.
 * The proxy (src/proxy.ts) hands over the page's path, for the language switch, and the CSP nonce.
 */
export default async function SiteLayout({ children, params }: { children: React.ReactNode; params: Promise<{ lang: string }> }) {
  const { lang } = await params
  if (!isSiteLanguage(lang)) notFound()
  const requestHeaders = await headers()
  const nonce = requestHeaders.get('x-nonce') ?? undefined
  const path = requestHeaders.get('x-site-path') ?? '/'
  return (
    <html lang={lang}>
      <body>
        <style nonce={nonce} dangerouslySetInnerHTML={{ __html: SITE_CSS }} />
        <div dangerouslySetInnerHTML={{ __html: siteHeaderHtml(lang, sitePath(lang === 'es' ? 'en' : 'es', path)) }} />
        <main>{children}</main>
        <div dangerouslySetInnerHTML={{ __html: siteFooterHtml(lang) }} />
      </body>
    </html>
  )
}
