import { PayloadSDKError } from '@payloadcms/sdk'
import type { Metadata } from 'next'

import { verificationNotFoundHtml, verificationResultHtml, verificationTooManyHtml } from '@/certificates/verify/page'
import type { CertificateVerification } from '@/certificates/verify/publicSummary'
import { DEFAULT_BUSINESS_SETTINGS } from '@/settings/businessSettings'
import { serverUrl, siteApi } from '@/site/api'
import { siteCopy } from '@/site/copy'
import { isSiteLanguage, sitePath, type SiteLanguage } from '@/site/theme'

type Props = { params: Promise<{ lang: string }>; searchParams: Promise<{ code?: string | string[] }> }

const languageOf = (lang: string): SiteLanguage => (isSiteLanguage(lang) ? lang : 'es')

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: siteCopy[languageOf((await params).lang)].verifyTitle, robots: { index: false } }
}

/** Someone may paste the QR code's whole address instead of the code: keep its last segment. */
const codeFrom = (typed: string) => typed.trim().split(/[/?#]/).filter(Boolean).at(-1) ?? ''

/**
 * Looks the code up in the public JSON endpoint and shows the answer with the same HTML the QR
 * code's page (/verify/:code) shows, so both say the same in the same look. The site's business
 * zone is not public: a revocation's day is read in the default one.
 */
async function resultHtml(code: string, lang: SiteLanguage): Promise<string> {
  let summary: CertificateVerification
  try {
    summary = (await (await siteApi().request({ method: 'GET', path: `/certificates/verify/${encodeURIComponent(code)}` })).json()) as CertificateVerification
  } catch (error) {
    // The SDK throws on any status but 2xx: a 429 says when to come back, a 404 (or a malformed code) is "not found".
    if (!(error instanceof PayloadSDKError)) throw error
    if (error.status === 429) return verificationTooManyHtml(lang, Number(error.response.headers.get('retry-after')) || 60)
    if (error.status >= 500) return `<p role="alert">${siteCopy[lang].unavailable}</p>`
    return verificationNotFoundHtml(lang)
  }
  return verificationResultHtml(summary, lang, { timeZone: DEFAULT_BUSINESS_SETTINGS.timezone, apiUrl: `${serverUrl()}/api/certificates/verify/${encodeURIComponent(code)}` })
}

export default async function VerifyPage({ params, searchParams }: Props) {
  const lang = languageOf((await params).lang)
  const asked = (await searchParams).code
  const code = typeof asked === 'string' ? codeFrom(asked) : ''
  const text = siteCopy[lang]
  return (
    <div className="narrow">
      <h1>{text.verifyTitle}</h1>
      <p className="muted">{text.verifyIntro}</p>
      <form method="get" action={sitePath(lang, '/verify')} role="search">
        <label htmlFor="code">{text.verifyCode}</label>
        <div className="inline">
          <input id="code" name="code" defaultValue={code} maxLength={300} required autoComplete="off" spellCheck={false} />
          <button type="submit">{text.verifySend}</button>
        </div>
      </form>
      {code ? <section data-verification-result dangerouslySetInnerHTML={{ __html: await resultHtml(code, lang) }} /> : null}
    </div>
  )
}
