import { isDateInRange } from '../fields/dateRange'
import type { WhereMisuse } from './whereMisuses'

/**
 * Payload adds `createdAt`, `updatedAt` (and `deletedAt` with trash) after Aula's fields are
 * bounded, and writes what a caller sends there: `null`, `"abc"` or the year 10000 reached the
 * column and failed (500). They take a date between the years 1 and 9999 (`deletedAt` also null).
 */
export function timestampMisuses(data: unknown): WhereMisuse[] {
  if (!data || typeof data !== 'object') return []
  return (['createdAt', 'updatedAt', 'deletedAt'] as const).flatMap((name) => {
    if (!(name in data)) return []
    const value = (data as Record<string, unknown>)[name]
    if (value === undefined || (name === 'deletedAt' && value === null) || isDateInRange(value)) return []
    return [{ path: name, message: 'Must be a date between the years 1 and 9999.' }]
  })
}
