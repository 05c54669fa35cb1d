import { currencyDecimals } from '../../payments/money'

/**
 * The tax inside an amount paid. Aula charges the published price, so a receipt's total is always the
 * money received and the tax is carved out of it: base = total ÷ (1 + rate), rounded to the currency's
 * smallest unit, tax = total − base (so base + tax is the total to the cent). docs/decisions/0020-receipts.md.
 */
export function taxInside(total: number, ratePercent: number, currency: string): { taxBase: number; tax: number } {
  const scale = 10 ** currencyDecimals(currency)
  const totalMinor = Math.round(total * scale)
  if (!(ratePercent > 0)) return { taxBase: totalMinor / scale, tax: 0 }
  const baseMinor = Math.round((totalMinor * 100) / (100 + ratePercent))
  return { taxBase: baseMinor / scale, tax: (totalMinor - baseMinor) / scale }
}

/** An amount rounded to what the currency can hold (cents, or whole units for CLP, JPY…). */
export function roundMoney(amount: number, currency: string): number {
  const scale = 10 ** currencyDecimals(currency)
  return Math.round(amount * scale) / scale
}
