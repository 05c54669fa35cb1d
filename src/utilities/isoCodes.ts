/** ISO 4217 codes the runtime knows (PEN, USD, EUR, ...). */
export const CURRENCY_CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'))

/** IANA time zones the runtime knows, plus 'UTC' (which `supportedValuesOf` leaves out). */
export const TIME_ZONES: readonly string[] = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')]

const timeZoneSet = new Set(TIME_ZONES)

export const isTimeZone = (value: unknown): value is string => typeof value === 'string' && timeZoneSet.has(value)

export const isCurrencyCode = (value: unknown): value is string => typeof value === 'string' && CURRENCY_CODES.has(value)

export const isHttpUrl = (value: string): boolean => {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}
