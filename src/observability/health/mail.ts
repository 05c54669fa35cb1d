import type { Payload } from 'payload'

import { poolOf } from '../database'

/** How deliverEmail records a try that found the mail server unreachable (src/email/smtpOutage.ts). */
const OUTAGE_ERROR_PREFIX = 'Mail server unreachable:'

/**
 * `degraded` while emails wait for an unreachable mail server: their last try could not connect
 * (src/email/smtpOutage.ts) and they are queued again. Web requests still work, and the emails go
 * out once the server is back, so this is never `down`.
 */
export async function checkMail(payload: Payload) {
  const { rows } = await poolOf(payload).query<{ waiting: number }>(
    `SELECT count(*)::int AS waiting FROM email_log WHERE status = 'queued' AND last_error LIKE $1`,
    [`${OUTAGE_ERROR_PREFIX}%`],
  )
  const waiting = rows[0]?.waiting ?? 0
  return { status: waiting > 0 ? ('degraded' as const) : ('ok' as const), detail: { waitingForMailServer: waiting } }
}
