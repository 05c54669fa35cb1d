export type VerifyPageLanguage = 'es' | 'en'

/**
 * `?lang=es|en` wins (the page's own switch); else the first of Spanish or English the browser
 * prefers by Accept-Language (`q` respected); else Spanish, the business's language.
 */
export function verifyPageLanguage(url: URL, acceptLanguage: string | null): VerifyPageLanguage {
  const asked = url.searchParams.get('lang')
  if (asked === 'es' || asked === 'en') return asked
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';')
      const q = Number(params.find((param) => param.trim().startsWith('q='))?.trim().slice(2) ?? 1)
      return { language: tag.split('-')[0], q: Number.isFinite(q) ? q : 0, index }
    })
    .filter((entry) => (entry.language === 'es' || entry.language === 'en') && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
  return (ranked[0]?.language as VerifyPageLanguage | undefined) ?? 'es'
}
