import type { CheckboxFieldValidation } from 'payload'

import { say } from '../../i18n/say'

/**
 * Checkout charges exactly the published price, so a receipt can only say the tax is inside it: "prices
 * exclude tax" with a rate above 0 would print a total nobody paid (docs/decisions/0020-receipts.md).
 */
export const pricesMustIncludeTax: CheckboxFieldValidation = (value, { siblingData, req }) => {
  const rate = Number((siblingData as { taxRatePercent?: unknown } | undefined)?.taxRatePercent) || 0
  if (value === false && rate > 0) {
    return say(req, {
      es: 'Aula cobra el precio publicado, así que el impuesto va incluido en él. Deja marcada esta casilla o pon la tasa en 0.',
      en: 'Aula charges the published price, so the tax is inside it. Keep this ticked or set the rate to 0.',
    })
  }
  return true
}
