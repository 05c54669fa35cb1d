import { createLocalReq, type TaskConfig } from 'payload'

import { CHECK_SCHEDULE_TASK, type CheckScheduleInput, checkScheduleChange } from '../courses/notify/scheduleNotice'

/**
 * A few minutes after a course's sessions were edited (pushed back by each further save): compares
 * them with what students were told and, if anything changed, queues one notice per student.
 */
export const checkCourseScheduleChangeTask: TaskConfig<{ input: CheckScheduleInput; output: { outcome: string; changes: number } }> = {
  slug: CHECK_SCHEDULE_TASK,
  label: 'Check a course schedule change',
  retries: { attempts: 4, backoff: { type: 'exponential', delay: 10_000 } },
  inputSchema: [
    { name: 'courseId', type: 'number', required: true },
    { name: 'dueAt', type: 'text', required: true },
  ],
  outputSchema: [
    { name: 'outcome', type: 'text', required: true },
    { name: 'changes', type: 'number', required: true },
  ],
  handler: async ({ input, req: jobReq }) => {
    // Payload commits transactions on the job's own request mid-handler: our writes use a request of their own.
    const req = await createLocalReq({}, jobReq.payload)
    return { output: await checkScheduleChange(req, input) }
  },
}
