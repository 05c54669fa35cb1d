import type { TaskConfig } from 'payload'

import { getClock } from '../utilities/clock'

const KEEP_MS = 24 * 60 * 60 * 1000

/**
 * Jobs are kept after they complete (`deleteJobOnComplete: false`, see docs/decisions/0003), so
 * this removes the finished ones after a day, and those a crashed runner left `processing`.
 */
export const deleteFinishedJobsTask: TaskConfig<'deleteFinishedJobs'> = {
  slug: 'deleteFinishedJobs',
  label: 'Delete finished jobs',
  schedule: [{ cron: '17 * * * *', queue: 'default' }],
  outputSchema: [{ name: 'deleted', type: 'number', required: true }],
  retries: 1,
  handler: async ({ req }) => {
    const cutoff = new Date(getClock(req.payload).now().getTime() - KEEP_MS).toISOString()
    const { docs } = await req.payload.delete({
      collection: 'payload-jobs',
      where: {
        or: [
          { completedAt: { less_than: cutoff } },
          { and: [{ processing: { equals: true } }, { updatedAt: { less_than: cutoff } }] },
        ],
      },
      depth: 0,
      overrideAccess: true,
      req,
    })
    return { output: { deleted: docs.length } }
  },
}
