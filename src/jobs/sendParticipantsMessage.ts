import { createLocalReq, type TaskConfig } from 'payload'

import { findItem } from '../participants/listParticipants'
import { PARTICIPANTS_MESSAGE_TASK, queueParticipantEmails, type SendJobInput } from '../participants/message/sending'

/**
 * "Email these people" from a participants page: queues one email per recipient (a large list is
 * many small transactions, never one request). Safe to run twice: each email's dedupe key holds.
 */
export const sendParticipantsMessageTask: TaskConfig<{ input: SendJobInput; output: { queued: number; skipped: number } }> = {
  slug: PARTICIPANTS_MESSAGE_TASK,
  label: 'Email the participants of a webinar or course',
  retries: { attempts: 4, backoff: { type: 'exponential', delay: 10_000 } },
  inputSchema: [
    { name: 'collection', type: 'text', required: true },
    { name: 'itemId', type: 'number', required: true },
    { name: 'enrollmentIds', type: 'json', required: true },
    { name: 'message', type: 'json', required: true },
    { name: 'staffLanguage', type: 'text', required: true },
    { name: 'sendKey', type: 'text', required: true },
  ],
  outputSchema: [
    { name: 'queued', type: 'number', required: true },
    { name: 'skipped', type: 'number', required: true },
  ],
  handler: async ({ input, req: jobReq }) => {
    // Payload commits transactions on the job's own request mid-handler: our writes use a request of their own.
    const req = await createLocalReq({}, jobReq.payload)
    const item = await findItem(req, input.collection, input.itemId)
    return { output: await queueParticipantEmails(req, item, input) }
  },
}
