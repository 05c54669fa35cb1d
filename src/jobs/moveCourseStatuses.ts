import { createLocalReq, type TaskConfig } from 'payload'

import { moveCourseStatuses } from '../courses/status/moveCourseStatuses'

/**
 * Every minute: courses follow their schedule (published → in_progress → completed) unless staff
 * ticked `manualStatus` (src/courses/status). The schedule only queues the job; the worker runs it.
 */
export const moveCourseStatusesTask: TaskConfig<{ input: Record<string, never>; output: { moved: number } }> = {
  slug: 'moveCourseStatuses',
  label: 'Move courses to in progress / completed on schedule',
  retries: 2,
  schedule: [{ cron: '* * * * *', queue: 'default' }],
  outputSchema: [{ name: 'moved', type: 'number' }],
  handler: async ({ req: jobReq }) => {
    // Payload commits transactions on the job's own request mid-handler: our writes use a request of their own.
    const req = await createLocalReq({}, jobReq.payload)
    return { output: { moved: (await moveCourseStatuses(req)).length } }
  },
}
