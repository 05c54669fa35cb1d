import { ValidationError, type PayloadRequest } from 'payload'

import { parseInput } from '../../endpoints/parseInput'
import { currencyDecimals } from '../../payments/money'
import { getBusinessSettings } from '../../settings/businessSettings'
import { getClock } from '../../utilities/clock'
import { wallTimeIn } from '../../utilities/localTime'
import { MANUAL_METHODS, type ManualMethod } from './methods'

/** One sum of money staff saw arrive: the bank statement line, the deposit slip, the cash in hand. */
export interface ManualEntryInput {
  method: ManualMethod
  /** The bank's operation number; required for transfers and deposits, so the accountant can trace it. */
  reference?: string
  /** The calendar day the money arrived, `YYYY-MM-DD`, in the business's zone. */
  receivedOn: string
  /** In the payment's own currency. */
  amount: number
  note?: string
  /** When sent, it must be the payment's currency: a sum in another currency is not converted. */
  currency?: string
}

const ENTRY_INPUT = {
  method: { kind: 'string', required: true, oneOf: MANUAL_METHODS },
  reference: { kind: 'string', maxLength: 100 },
  receivedOn: { kind: 'string', required: true, maxLength: 30 },
  amount: { kind: 'number', required: true, min: 0.01, max: 100_000_000 },
  note: { kind: 'string', maxLength: 500 },
  currency: { kind: 'string', maxLength: 3 },
} as const

const DAY = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/

const fail = (path: string, message: string): never => {
  throw new ValidationError({ collection: 'payments', errors: [{ path, message }] })
}

/**
 * Checks what staff typed against the payment it is for; every problem is a 400 naming the field and
 * nothing is written. Amounts have the currency's decimals (2, or 0 for CLP/JPY…): a typo like 120.555 is refused.
 */
export async function parseManualEntry(req: PayloadRequest, body: Record<string, unknown>, paymentCurrency: string): Promise<ManualEntryInput> {
  if (typeof body.amount === 'string' && !/^\s*\d+(\.\d+)?\s*$/.test(body.amount)) fail('amount', 'amount must be a positive number such as 120.50.')
  const entry = parseInput(body, ENTRY_INPUT, 'payments')
  const decimals = currencyDecimals(paymentCurrency)
  if (Number(entry.amount.toFixed(decimals)) !== entry.amount) {
    fail('amount', `amount must have at most ${decimals} decimals in ${paymentCurrency}.`)
  }
  if (entry.currency && entry.currency.toUpperCase() !== paymentCurrency.toUpperCase()) {
    fail('currency', `currency must be the payment's own (${paymentCurrency}); convert the sum before recording it.`)
  }
  if ((entry.method === 'bank_transfer' || entry.method === 'deposit') && !entry.reference) {
    fail('reference', 'reference (the bank operation number) is required for a transfer or a deposit.')
  }
  return { ...entry, method: entry.method as ManualMethod, receivedOn: await checkDay(req, entry.receivedOn) }
}

/** A real calendar day, not in the future in the business's zone (money cannot arrive tomorrow), not before 2000. */
async function checkDay(req: PayloadRequest, raw: string): Promise<string> {
  const match = DAY.exec(raw)
  if (!match) return fail('receivedOn', 'receivedOn must be a date written YYYY-MM-DD.')
  const [, year, month, day] = match
  const asDate = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)))
  if (asDate.getUTCFullYear() !== Number(year) || asDate.getUTCMonth() !== Number(month) - 1 || asDate.getUTCDate() !== Number(day)) {
    return fail('receivedOn', 'receivedOn is not a real date.')
  }
  const { timezone } = await getBusinessSettings(req.payload, req)
  const today = wallTimeIn(getClock(req.payload).now(), timezone)
  const todayKey = `${today.year}-${String(today.month).padStart(2, '0')}-${String(today.day).padStart(2, '0')}`
  const key = `${year}-${month}-${day}`
  if (key > todayKey) return fail('receivedOn', `receivedOn cannot be in the future (today is ${todayKey} in ${timezone}).`)
  if (Number(year) < 2000) return fail('receivedOn', 'receivedOn is too far in the past.')
  return key
}
