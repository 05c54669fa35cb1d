import type { Payload } from 'payload'

/**
 * `AULA_FAST_PATHS=off` sends every request through Payload's own path (docs/decisions/0034): the
 * anonymous webinar reads (src/catalogFastPath) and a registration's enrollment and the webinar its
 * emails read (src/enrollment/createEnrollment.ts, notify/webinarForMessage.ts), and registrations
 * answered past Next's router (src/server/registrationRoute.ts). The switch for a
 * divergence found in production (one restart), and what the benchmarks and parity tests compare
 * against. Read on each request, so a test can switch it for one request.
 */
export const fastPathsEnabled = (env: NodeJS.ProcessEnv = process.env): boolean => env.AULA_FAST_PATHS !== 'off'

const checked = new WeakMap<Payload, Map<string, boolean>>()

/**
 * Whether this process's config is the one a fast path was written for: `shape` (read from the config)
 * equal to `written`, checked once per Payload and fast path; otherwise `warning` is logged once and
 * Payload answers (src/catalogFastPath/coverage.ts, src/enrollment/createEnrollmentCoverage.ts).
 */
export function fastPathCovers(payload: Payload, name: string, shape: () => string[], written: readonly string[], warning: string): boolean {
  const perPath = checked.get(payload) ?? new Map<string, boolean>()
  checked.set(payload, perPath)
  let covered = perPath.get(name)
  if (covered === undefined) {
    const marks = shape()
    covered = marks.length === written.length && marks.every((mark, index) => mark === written[index])
    if (!covered) payload.logger.warn(warning)
    perPath.set(name, covered)
  }
  return covered
}
