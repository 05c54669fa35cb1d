import type { TaskConfig } from 'payload'

import { releaseStaleEmailClaims } from '../email/releaseStaleClaims'

/** Every few minutes: puts emails whose worker died mid-send back in the queue (docs/decisions/0003). */
export const releaseStaleEmailClaimsTask: TaskConfig<'releaseStaleEmailClaims'> = {
  slug: 'releaseStaleEmailClaims',
  label: 'Release stale email claims',
  schedule: [{ cron: '*/5 * * * *', queue: 'default' }],
  outputSchema: [{ name: 'released', type: 'number', required: true }],
  retries: 1,
  handler: async ({ req }) => ({ output: { released: (await releaseStaleEmailClaims(req.payload)).length } }),
}
