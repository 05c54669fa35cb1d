import { checkPrice } from '../payments/priceRules'

type Options = { siblingData?: Record<string, unknown> }

/** `validate` for a price field beside a `currency` field (rules in src/payments/priceRules.ts). */
export const validatePrice = (value: number | null | undefined, { siblingData }: Options = {}) => checkPrice(value, siblingData?.currency)
