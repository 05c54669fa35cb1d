const MINUTE = 60_000

/** Retries stop this long after the first attempt; the delivery is then `abandoned`. */
export const RETRY_WINDOW_MS = 3 * 24 * 60 * MINUTE
const FIRST_RETRY_MS = MINUTE
const LONGEST_WAIT_MS = 6 * 60 * MINUTE

/** The wait after the `attempts`-th failed attempt: 1 minute, doubling, never more than 6 hours (docs/webhooks.md has the table). */
export const retryDelayMs = (attempts: number): number => Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_WAIT_MS)

/** When to try again after a failure, or null when that would be past the retry window. */
export function nextAttemptAfterFailure({ attempts, firstAttemptAt, now }: { attempts: number; firstAttemptAt: Date; now: Date }): Date | null {
  const next = new Date(now.getTime() + retryDelayMs(attempts))
  return next.getTime() - firstAttemptAt.getTime() > RETRY_WINDOW_MS ? null : next
}
