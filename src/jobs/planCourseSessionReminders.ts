import { createLocalReq, type TaskConfig } from 'payload'

import { PLAN_REMINDERS_TASK, planUpcomingReminders } from '../courses/notify/planUpcomingReminders'

/**
 * Every 15 minutes: queues the reminders of course sessions that came within 48 hours. The schedule
 * only queues the job; the worker (or autoRun in development) runs it. Idempotent: dedupe keys hold.
 */
export const planCourseSessionRemindersTask: TaskConfig<{ input: Record<string, never>; output: { courses: number; enrollments: number } }> = {
  slug: PLAN_REMINDERS_TASK,
  label: 'Plan course session reminders',
  retries: 3,
  schedule: [{ cron: '*/15 * * * *', queue: 'default' }],
  outputSchema: [
    { name: 'courses', type: 'number' },
    { name: 'enrollments', type: 'number' },
  ],
  handler: async ({ req: jobReq }) => {
    // Payload commits transactions on the job's own request mid-handler: our writes use a request of their own.
    const req = await createLocalReq({}, jobReq.payload)
    return { output: await planUpcomingReminders(req) }
  },
}
