export const EMAIL_STATUSES = ['queued', 'sending', 'sent', 'failed', 'cancelled'] as const
export type EmailStatus = (typeof EMAIL_STATUSES)[number]

/** Payload's `retries.attempts` counts retries, not tries: 4 retries means up to 5 sends. */
export const EMAIL_SEND_RETRIES = 4
export const EMAIL_MAX_ATTEMPTS = EMAIL_SEND_RETRIES + 1

/** A claim older than this belongs to a worker that died mid-send (see docs/decisions/0003). */
export const STALE_CLAIM_MS = 10 * 60 * 1000
