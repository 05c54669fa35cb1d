import { errorChain } from '../utilities/errorChain'

/**
 * Two kinds of SMTP failure. The mail server answered and refused *this message* (a 4xx/5xx reply):
 * the message gets EMAIL_MAX_ATTEMPTS tries with backoff, then it is `failed` for staff to look at.
 * Or the mail server could not be reached at all (refused or dropped connection, timeout, DNS, a
 * 421 "service not available"): that is an outage, not the message's fault, so the message waits —
 * retried with a capped backoff for as long as SMTP_OUTAGE_RETRY_WINDOW_MS after it was queued, as
 * mail servers themselves do — and is delivered once the server is back.
 */
const CONNECTION_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE'])

export const SMTP_OUTAGE_RETRY_WINDOW_MS = 24 * 60 * 60_000
const FIRST_OUTAGE_DELAY_MS = 60_000
const LONGEST_OUTAGE_DELAY_MS = 15 * 60_000

export function isSmtpUnreachable(error: unknown): boolean {
  return errorChain(error).some((link) => {
    const { code, responseCode } = link as { code?: unknown; responseCode?: unknown }
    return (typeof code === 'string' && CONNECTION_CODES.has(code)) || responseCode === 421
  })
}

/** 1, 2, 4, 8 minutes, then every 15 minutes. `attempts` counts the tries so far (1 after the first). */
export const outageRetryDelayMs = (attempts: number) => Math.min(FIRST_OUTAGE_DELAY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_OUTAGE_DELAY_MS)
