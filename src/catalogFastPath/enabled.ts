/**
 * `AULA_FAST_PATHS=off` sends every request through Payload's own path: the switch for a divergence
 * found in production (one restart), and what the benchmarks compare against. Read on each request,
 * so a test can switch it for one read.
 */
export const fastPathsEnabled = (env: NodeJS.ProcessEnv = process.env): boolean => env.AULA_FAST_PATHS !== 'off'
