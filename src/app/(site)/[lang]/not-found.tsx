import { headers } from 'next/headers'

import { siteCopy } from '@/site/copy'
import { isSiteLanguage, sitePath } from '@/site/theme'

/** An unknown item or page, said in the page's language (not-found boundaries get no params: the proxy names it), with the way back. */
export default async function NotFound() {
  const asked = (await headers()).get('x-site-language')
  const lang = isSiteLanguage(asked) ? asked : 'es'
  const text = siteCopy[lang]
  return (
    <>
      <h1>{text.notFoundTitle}</h1>
      <p>
        <a href={sitePath(lang, '/')}>{text.notFound}</a>
      </p>
    </>
  )
}
