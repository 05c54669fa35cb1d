import { type KnowsLanguage, say } from '../i18n/say'
import { checkPrice } from '../payments/priceRules'

type Options = { siblingData?: Record<string, unknown>; req?: KnowsLanguage }

/** `validate` for a price field beside a `currency` field (rules in src/payments/priceRules.ts), in the admin's language. */
export const validatePrice = (value: number | null | undefined, { siblingData, req }: Options = {}): true | string => {
  const verdict = checkPrice(value, siblingData?.currency)
  return verdict === true ? true : say(req, verdict)
}
