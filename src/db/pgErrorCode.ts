/** PostgreSQL's SQLSTATE of an error, under however many layers (drizzle, Payload) wrapped it as `cause`. */
export function pgErrorCode(error: unknown): string | undefined {
  for (let current = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; current && depth < 5; current = current.cause as typeof current, depth += 1) {
    if (typeof current.code === 'string') return current.code
  }
  return undefined
}

export const UNIQUE_VIOLATION = '23505'
export const DIVISION_BY_ZERO = '22012'
