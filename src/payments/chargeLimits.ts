/**
 * The smallest amount Stripe charges, by currency, in major units. Stripe's table
 * (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts) lists the currencies
 * one can settle in; a charge in another currency must be worth at least the settlement
 * currency's minimum after conversion (about USD 0.50). For the currencies Aula sells in that
 * are not in Stripe's table (Latin America), the floor below is Aula's own: about USD 0.50 with
 * room for exchange-rate moves. A currency missing here cannot take a paid price (add it here).
 */
export const MINIMUM_CHARGE: Readonly<Record<string, number>> = {
  // Stripe's table.
  USD: 0.5, AED: 2, AUD: 0.5, BGN: 1, BRL: 0.5, CAD: 0.5, CHF: 0.5, CZK: 15, DKK: 2.5, EUR: 0.5, GBP: 0.3,
  HKD: 4, HUF: 175, INR: 0.5, JPY: 50, MXN: 10, MYR: 2, NOK: 3, NZD: 0.5, PLN: 2, RON: 2, SEK: 3, SGD: 0.5, THB: 10,
  // Aula's floors for currencies Stripe converts (about USD 0.50, rounded up).
  PEN: 2, CLP: 500, COP: 2500, ARS: 1000, UYU: 25, BOB: 4, PYG: 4000, CRC: 300, GTQ: 5, DOP: 35,
}

/** Stripe takes amounts of up to eight digits in the currency's smallest unit (USD 999,999.99; JPY 99,999,999). */
export const MAX_MINOR_UNITS = 99_999_999
