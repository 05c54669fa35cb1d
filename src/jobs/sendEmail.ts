import type { TaskConfig } from 'payload'

import { deliverEmail } from '../email/deliverEmail'
import { EMAIL_SEND_RETRIES } from '../email/statuses'

/**
 * Sends one `email-log` row. Queued by queueEmail (and by resend / stale-claim release), run by the
 * worker. Safe to run twice: the claim inside deliverEmail lets only one run send.
 */
export const sendEmailTask: TaskConfig<'sendEmail'> = {
  slug: 'sendEmail',
  label: 'Send email',
  inputSchema: [{ name: 'emailLogId', type: 'number', required: true }],
  outputSchema: [{ name: 'outcome', type: 'text', required: true }],
  // 1, 2, 4, 8 minutes between tries; the row's `attempts` counts the same tries.
  retries: { attempts: EMAIL_SEND_RETRIES, backoff: { type: 'exponential', delay: 60_000 } },
  handler: async ({ input, req }) => ({ output: { outcome: await deliverEmail(req, input.emailLogId) } }),
}
