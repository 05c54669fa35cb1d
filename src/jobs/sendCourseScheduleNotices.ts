import { createLocalReq, type TaskConfig } from 'payload'

import { SEND_NOTICES_TASK, type SendNoticesInput, sendScheduleNotices } from '../courses/notify/scheduleNotice'

/**
 * One "schedule changed" email per confirmed student of a course, with the updated calendar, and
 * their session reminders re-planned: in batches, each its own transaction. Safe to run twice:
 * each email's dedupe key names the enrollment and the course's new SEQUENCE.
 */
export const sendCourseScheduleNoticesTask: TaskConfig<{ input: SendNoticesInput; output: { queued: number } }> = {
  slug: SEND_NOTICES_TASK,
  label: 'Email a course schedule change to its students',
  retries: { attempts: 4, backoff: { type: 'exponential', delay: 10_000 } },
  inputSchema: [
    { name: 'courseId', type: 'number', required: true },
    { name: 'sequence', type: 'number', required: true },
    { name: 'changes', type: 'json', required: true },
  ],
  outputSchema: [{ name: 'queued', type: 'number', required: true }],
  handler: async ({ input, req: jobReq }) => {
    const req = await createLocalReq({}, jobReq.payload)
    return { output: await sendScheduleNotices(req, input) }
  },
}
