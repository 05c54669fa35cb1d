/**
 * `AULA_FAST_PATHS=off` sends every request through Payload's own path (docs/decisions/0034): the
 * anonymous webinar reads (src/catalogFastPath) and a registration's enrollment and the webinar its
 * emails read (src/enrollment/createEnrollment.ts, notify/webinarForMessage.ts). The switch for a
 * divergence found in production (one restart), and what the benchmarks and parity tests compare
 * against. Read on each request, so a test can switch it for one request.
 */
export const fastPathsEnabled = (env: NodeJS.ProcessEnv = process.env): boolean => env.AULA_FAST_PATHS !== 'off'
