import { APIError, type Payload } from 'payload'

import type { AulaEnv } from '../config/env'

/** Stripe settings and the hold time, kept in the server-only `config.custom` by the config factory. */
export interface PaymentSettings {
  stripe: NonNullable<AulaEnv['stripe']> | null
  holdMinutes: number
  serverUrl: string
}

export const paymentSettings = (payload: Pick<Payload, 'config'>): PaymentSettings =>
  (payload.config.custom?.payments as PaymentSettings | undefined) ?? { stripe: null, holdMinutes: 30, serverUrl: payload.config.serverURL }

/** The Stripe settings, or the 503 every paid operation answers when there are none. */
export function requireStripe(payload: Pick<Payload, 'config'>): NonNullable<AulaEnv['stripe']> {
  const { stripe } = paymentSettings(payload)
  if (!stripe) throw new APIError('Payments are not configured: paid items cannot be bought yet.', 503, undefined, true)
  return stripe
}
