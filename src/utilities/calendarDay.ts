/**
 * The UTC calendar day ("2025-03-01") of a stored date. Course dates are whole days, so they are
 * compared by day: a module that starts on the course's first day is inside the course whatever
 * hour the date picker attached.
 */
export const calendarDay = (value: unknown): string | undefined => {
  if (value === null || value === undefined || value === '') return undefined
  const date = new Date(value as string)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10)
}
