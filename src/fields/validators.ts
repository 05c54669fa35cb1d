/** Shared checks for number fields; each returns `true` or the message the API and admin show. */

export const nonNegativeInteger = (value: number | null | undefined): true | string => {
  if (value === null || value === undefined) return true
  return (Number.isInteger(value) && value >= 0) || 'Must be a whole number, zero or more.'
}

export const nonNegativeNumber = (value: number | null | undefined): true | string => {
  if (value === null || value === undefined) return true
  return (Number.isFinite(value) && value >= 0) || 'Must be zero or more.'
}

const time = (value: unknown): number | undefined => {
  if (value === null || value === undefined || value === '') return undefined
  const ms = new Date(value as string).getTime()
  return Number.isNaN(ms) ? undefined : ms
}

/** True when both dates are set and `earlier` is strictly after `later`. */
export const isAfter = (earlier: unknown, later: unknown): boolean => {
  const a = time(earlier)
  const b = time(later)
  return a !== undefined && b !== undefined && a > b
}
