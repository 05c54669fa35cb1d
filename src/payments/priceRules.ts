import { MAX_MINOR_UNITS, MINIMUM_CHARGE } from './chargeLimits'
import { currencyDecimals } from './money'
import { isCurrencyCode } from '../utilities/isoCodes'

/**
 * Whether `value` can be charged in `currency`: a finite number, zero (free) or more, with no more
 * decimals than the currency has, at most what Stripe takes, and, when paid, at least Stripe's
 * minimum charge. Returns `true` or the message the API (400 naming the field) and the admin show.
 * An unknown currency is the currency field's error; the price is then checked with two decimals.
 */
export function checkPrice(value: unknown, currency: unknown): true | string {
  if (value === null || value === undefined) return true
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'Must be a number.'
  if (value < 0) return 'Must be zero or more.'
  const code = isCurrencyCode(currency) ? currency : null
  const decimals = code ? currencyDecimals(code) : 2
  if (Number(value.toFixed(decimals)) !== value) {
    return decimals === 0 ? `${code} prices are whole numbers (no decimals).` : `Must have at most ${decimals} decimals.`
  }
  const maximum = MAX_MINOR_UNITS / 10 ** decimals
  if (value > maximum) return `Must be at most ${maximum.toLocaleString('en-US', { maximumFractionDigits: decimals })}${code ? ` ${code}` : ''}.`
  if (value === 0 || !code) return true
  const minimum = MINIMUM_CHARGE[code]
  if (minimum === undefined) return `Paid prices in ${code} are not set up (no minimum charge known); use another currency or make it free.`
  if (value < minimum) return `A paid price must be at least ${minimum} ${code} (the smallest charge the payment provider takes), or 0 for free.`
  return true
}
