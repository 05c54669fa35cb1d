/**
 * Currencies Stripe counts in whole units (no cents): an amount of 5000 CLP is sent as 5000, not 500000.
 * https://docs.stripe.com/currencies#zero-decimal
 */
const ZERO_DECIMAL = new Set(['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf'])

export const stripeCurrency = (currency: string) => currency.trim().toLowerCase()

/** How many decimals a price may have in `currency`: what `toMinorUnits` keeps (0 or 2). */
export const currencyDecimals = (currency: string): number => (ZERO_DECIMAL.has(stripeCurrency(currency)) ? 0 : 2)

/** The amount in the currency's smallest unit, as Stripe expects it. */
export function toMinorUnits(amount: number, currency: string): number {
  return ZERO_DECIMAL.has(stripeCurrency(currency)) ? Math.round(amount) : Math.round(amount * 100)
}

/** The amount as people read it: two decimals, none for zero-decimal currencies. */
export const formatAmount = (amount: number, currency: string) =>
  amount.toFixed(ZERO_DECIMAL.has(stripeCurrency(currency)) ? 0 : 2)
