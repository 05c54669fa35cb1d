import { MAX_MINOR_UNITS, MINIMUM_CHARGE } from './chargeLimits'
import { currencyDecimals } from './money'
import type { Bilingual } from '../i18n/say'
import { isCurrencyCode } from '../utilities/isoCodes'

/**
 * Whether `value` can be charged in `currency`: a finite number, zero (free) or more, with no more
 * decimals than the currency has, at most what Stripe takes, and, when paid, at least Stripe's
 * minimum charge. Returns `true` or the message the API (400 naming the field) and the admin show, in both
 * languages (the field's validator says it in the caller's: src/fields/price.ts).
 * An unknown currency is the currency field's error; the price is then checked with two decimals.
 */
export function checkPrice(value: unknown, currency: unknown): true | Bilingual {
  if (value === null || value === undefined) return true
  if (typeof value !== 'number' || !Number.isFinite(value)) return { es: 'Debe ser un número.', en: 'Must be a number.' }
  if (value < 0) return { es: 'Debe ser cero o mayor.', en: 'Must be zero or more.' }
  const code = isCurrencyCode(currency) ? currency : null
  const decimals = code ? currencyDecimals(code) : 2
  if (Number(value.toFixed(decimals)) !== value) {
    return decimals === 0
      ? { es: `Los precios en ${code} son números enteros (sin decimales).`, en: `${code} prices are whole numbers (no decimals).` }
      : { es: `Debe tener como máximo ${decimals} decimales.`, en: `Must have at most ${decimals} decimals.` }
  }
  const maximum = MAX_MINOR_UNITS / 10 ** decimals
  if (value > maximum) {
    const limit = `${maximum.toLocaleString('en-US', { maximumFractionDigits: decimals })}${code ? ` ${code}` : ''}`
    return { es: `Debe ser como máximo ${limit}.`, en: `Must be at most ${limit}.` }
  }
  if (value === 0 || !code) return true
  const minimum = MINIMUM_CHARGE[code]
  if (minimum === undefined) {
    return {
      es: `Los precios de pago en ${code} no están configurados (no se conoce el cobro mínimo); usa otra moneda o hazlo gratuito.`,
      en: `Paid prices in ${code} are not set up (no minimum charge known); use another currency or make it free.`,
    }
  }
  if (value < minimum) {
    return {
      es: `Un precio de pago debe ser de al menos ${minimum} ${code} (el cobro mínimo que acepta el proveedor de pagos), o 0 si es gratuito.`,
      en: `A paid price must be at least ${minimum} ${code} (the smallest charge the payment provider takes), or 0 for free.`,
    }
  }
  return true
}
