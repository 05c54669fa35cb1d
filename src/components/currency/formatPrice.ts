/**
 * A price as staff read it everywhere in the admin: the amount with its ISO code, in the admin's
 * language ("350,00 PEN" in Spanish, "PEN 350.00" in English), decimals as the currency has them.
 * The code, not a symbol: "$" is a dollar in the US and a peso in Mexico or Chile.
 */
export function formatPrice(amount: unknown, currency: unknown, language: string | undefined): string {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return ''
  const locale = language === 'en' ? 'en-US' : 'es-ES'
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) return new Intl.NumberFormat(locale).format(amount)
  return new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'code' }).format(amount)
}
