/** The currencies a training business in Latin America or Spain charges in; any other ISO code stays valid. */
const COMMON = ['PEN', 'USD', 'EUR', 'MXN', 'COP', 'CLP', 'ARS', 'BOB', 'BRL', 'UYU', 'PYG', 'CRC', 'GTQ', 'DOP', 'CAD', 'GBP']

/** "PEN — sol peruano", the business's default first, and the stored code kept even when uncommon. */
export function currencyOptions(defaultCurrency: string, language: string | undefined, current?: unknown) {
  const names = new Intl.DisplayNames([language === 'en' ? 'en' : 'es'], { type: 'currency' })
  const codes = [defaultCurrency, ...(typeof current === 'string' && current ? [current] : []), ...COMMON]
  return [...new Set(codes)].map((code) => ({ value: code, label: `${code} — ${names.of(code) ?? code}` }))
}
