import { createLocalReq, type TaskConfig, type Where } from 'payload'

import { getClock } from '../../../utilities/clock'
import { PRIVACY_EXPORT_VALID_DAYS } from './statuses'

export const DELETE_EXPIRED_PRIVACY_EXPORTS_TASK = 'deleteExpiredPrivacyExports'

const BATCH = 100

/**
 * Daily: deletes exports past their expiry (row and file, on disk or S3), and any left pending or
 * failed for longer than an export is valid. By the app clock. Payload's delete removes the file.
 */
export const deleteExpiredPrivacyExportsTask: TaskConfig<{ input: Record<string, never>; output: { deleted: number } }> = {
  slug: DELETE_EXPIRED_PRIVACY_EXPORTS_TASK,
  label: 'Delete expired personal-data exports',
  schedule: [{ cron: '40 3 * * *', queue: 'default' }],
  outputSchema: [{ name: 'deleted', type: 'number', required: true }],
  retries: 1,
  handler: async ({ req: jobReq }) => {
    const req = await createLocalReq({}, jobReq.payload)
    const now = getClock(req.payload).now()
    const staleBefore = new Date(now.getTime() - PRIVACY_EXPORT_VALID_DAYS * 24 * 60 * 60 * 1000)
    const where: Where = { or: [{ expiresAt: { less_than_equal: now.toISOString() } }, { requestedAt: { less_than: staleBefore.toISOString() } }] }
    let deleted = 0
    for (;;) {
      const { docs } = await req.payload.find({ collection: 'privacy-exports', where, limit: BATCH, depth: 0, select: {}, overrideAccess: true, req })
      if (!docs.length) break
      const result = await req.payload.delete({ collection: 'privacy-exports', where: { id: { in: docs.map((doc) => doc.id) } }, overrideAccess: true, req })
      deleted += result.docs.length
      // A row that failed to delete would come back forever: stop, and the next day tries again.
      if (result.errors.length || docs.length < BATCH) break
    }
    return { output: { deleted } }
  },
}
