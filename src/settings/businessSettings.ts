import type { Payload, PayloadRequest } from 'payload'

import { isCurrencyCode, isTimeZone } from '../utilities/isoCodes'

export interface BusinessSettingsValues {
  /** IANA zone staff read times in when an item has none of its own. */
  timezone: string
  /** ISO 4217 code listed first wherever a currency is chosen. */
  defaultCurrency: string
}

export const DEFAULT_BUSINESS_SETTINGS: BusinessSettingsValues = { timezone: 'America/Lima', defaultCurrency: 'PEN' }

/** The business settings global, with the defaults for anything unset (a fresh database has no row yet). */
export async function getBusinessSettings(payload: Payload, req?: PayloadRequest): Promise<BusinessSettingsValues> {
  const stored = (await payload.findGlobal({ slug: 'business-settings', depth: 0, overrideAccess: true, req }).catch(() => null)) as
    | Partial<BusinessSettingsValues>
    | null
  return {
    timezone: isTimeZone(stored?.timezone) ? stored.timezone : DEFAULT_BUSINESS_SETTINGS.timezone,
    defaultCurrency: isCurrencyCode(stored?.defaultCurrency) ? stored.defaultCurrency : DEFAULT_BUSINESS_SETTINGS.defaultCurrency,
  }
}
