/**
 * An error and what it wraps: drizzle puts pg's error in `cause`, GraphQL puts the resolver's error
 * in `originalError`, a failed multi-address connect is an AggregateError with `errors`.
 */
export function errorChain(error: unknown, depth = 0): object[] {
  if (!error || typeof error !== 'object' || depth > 6) return []
  const { cause, originalError, errors } = error as { cause?: unknown; originalError?: unknown; errors?: unknown }
  return [
    error,
    ...errorChain(cause, depth + 1),
    ...errorChain(originalError, depth + 1),
    ...(Array.isArray(errors) ? errors.flatMap((inner) => errorChain(inner, depth + 1)) : []),
  ]
}

/** The HTTP status an error carries itself (Payload's APIError, or the one inside a GraphQL error), 500 when none. */
export const ownStatus = (error: unknown): number => {
  for (const link of errorChain(error)) {
    const status = (link as { status?: unknown }).status
    if (typeof status === 'number') return status
  }
  return 500
}
